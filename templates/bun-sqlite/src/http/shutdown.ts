// What a stop signal waits for: requests in flight and the work they left to run after their response
// (mail). Meanwhile /api/ready answers 503, so a load balancer sends new requests elsewhere.
const pending = new Set<Promise<void>>();
let draining = false;

/** Better Auth's advanced.backgroundTasks handler: runs the task after the response, and remembers it until done. */
export function runAfterResponse(task: Promise<unknown>): void {
  const tracked: Promise<void> = task
    .then(
      () => undefined,
      (error: unknown) => console.error("A task after the response failed:", error),
    )
    .finally(() => pending.delete(tracked));
  pending.add(tracked);
}

export function isDraining(): boolean {
  return draining;
}

/**
 * Stops taking requests (`stopServer` resolves once those in flight have answered), waits for the work
 * they left, then `release`s what stays open (the database). Gives up after `graceMs`: false then.
 */
export async function drain(stopServer: () => Promise<unknown>, release: () => Promise<unknown> | void, graceMs: number): Promise<boolean> {
  draining = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const finished = (async () => {
    await stopServer();
    while (pending.size > 0) await Promise.all([...pending]);
    return true as const;
  })();
  try {
    return await Promise.race([finished, late]);
  } finally {
    clearTimeout(timer);
    await release();
  }
}
