export type ExecResult = {
  ok: boolean;
  exitCode?: number;
  /** stdout and stderr, interleaved */
  output: string;
  durationMs: number;
  cancelled: boolean;
  /** the command itself was not found */
  notFound: boolean;
};

export type ExecOptions = {
  cwd: string;
  env?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  timeoutMs?: number;
};

/** The one place that spawns: argument arrays, no shell, never throws for a failed command. */
export async function exec(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  // Loaded on first use: a run that writes files and spawns nothing should not pay for parsing execa.
  const { execa } = await import("execa");
  const started = performance.now();
  // Its own process group (POSIX), so a cancel stops the package manager and every script it started:
  // a grandchild left holding the output pipe would keep us waiting.
  const group = process.platform !== "win32";
  const child = execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdin: "ignore",
    all: true,
    reject: false,
    stripFinalNewline: false,
    detached: group,
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  let cancelled = false;
  const stop = () => {
    cancelled = true;
    killTree(child.pid, group, "SIGTERM");
    setTimeout(() => killTree(child.pid, group, "SIGKILL"), 3000).unref();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener("abort", stop, { once: true });
  if (options.onLine) {
    let partial = "";
    child.all?.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString("utf8")).split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line);
    });
    child.all?.on("end", () => partial && options.onLine?.(partial));
  }
  const result = await child;
  options.signal?.removeEventListener("abort", stop);
  const notFound = (result as { code?: string }).code === "ENOENT";
  return {
    ok: result.exitCode === 0 && !cancelled,
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    output: typeof result.all === "string" ? result.all : "",
    durationMs: Math.round(performance.now() - started),
    cancelled,
    notFound,
  };
}

function killTree(pid: number | undefined, group: boolean, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(group ? -pid : pid, signal);
  } catch {
    // already gone
  }
}
