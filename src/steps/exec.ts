export type ExecResult = {
  ok: boolean;
  exitCode?: number;
  /** stdout and stderr, interleaved as they came */
  output: string;
  durationMs: number;
  /** stopped through the signal (Ctrl-C) */
  cancelled: boolean;
  /** stopped because it ran past timeoutMs */
  timedOut: boolean;
  /** the command itself was not found */
  notFound: boolean;
};

export type ExecOptions = {
  cwd: string;
  /** added to this process's environment */
  env?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  /** a second Ctrl-C: kill at once, whatever the child does with SIGTERM */
  forceSignal?: AbortSignal;
  /** each line of output (stdout or stderr), whole and decoded */
  onLine?: (line: string) => void;
  timeoutMs?: number;
};

/** How long a child that was asked to stop (Ctrl-C, timeout) has before it is killed. */
const FORCE_KILL_AFTER_MS = 3000;
/** How long output is still read once the child has exited: a process it left behind may hold the pipes open. */
const LEFTOVER_PIPE_MS = 2000;

/**
 * The one place that spawns, through execa: argument arrays and no shell (on Windows too: execa finds .cmd shims
 * and shebangs through PATHEXT), never throws for a failed command. execa stops the child on a cancel or a timeout
 * (SIGTERM, then SIGKILL), and when this process ends, also from a signal such as the SIGHUP of a closed terminal.
 * The child stays in our process group, so a Ctrl-C typed in the terminal reaches every process it started.
 */
export async function exec(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  const { execa } = await import("../vendor/execa.js");
  const subprocess = execa(command, args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdin: "ignore",
    all: true,
    reject: false,
    stripFinalNewline: false,
    windowsHide: true,
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    forceKillAfterDelay: FORCE_KILL_AFTER_MS,
  });
  const forceKill = () => subprocess.kill("SIGKILL");
  options.forceSignal?.addEventListener("abort", forceKill, { once: true });
  // A postinstall that starts a daemon, or a script that outlives a killed package manager, keeps our end of the
  // pipes open: once the child itself has exited, stop waiting for them.
  subprocess.once("exit", () => {
    setTimeout(() => {
      subprocess.stdout?.destroy();
      subprocess.stderr?.destroy();
    }, LEFTOVER_PIPE_MS).unref();
  });
  // Each stream's lines apart (the interleaved `all` would join a half line of stdout to a line of stderr).
  const lines = options.onLine
    ? Promise.all((["stdout", "stderr"] as const).map((from) => readLines(subprocess.iterable({ from }), options.onLine!)))
    : undefined;
  const result = await subprocess;
  await lines;
  options.forceSignal?.removeEventListener("abort", forceKill);
  return {
    ok: !result.failed,
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    output: String(result.all ?? ""),
    durationMs: Math.round(result.durationMs),
    cancelled: result.isCanceled || (options.forceSignal?.aborted ?? false),
    timedOut: result.timedOut,
    notFound: (result as { code?: unknown }).code === "ENOENT",
  };
}

async function readLines(lines: AsyncIterable<unknown>, onLine: (line: string) => void): Promise<void> {
  try {
    for await (const line of lines) onLine(String(line));
  } catch {
    // the streams were destroyed above, or the child failed: its result says which
  }
}
