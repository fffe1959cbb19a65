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
  /** added to this process's environment */
  env?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  onLine?: (line: string) => void;
  timeoutMs?: number;
};

const WINDOWS = process.platform === "win32";

/**
 * The one place that spawns: argument arrays, no shell (but on Windows, where npm, pnpm and yarn are .cmd shims
 * that only a shell starts), never throws for a failed command. Node's own spawn, not execa: this needs a process
 * group, interleaved output and a timeout, and execa was 110 KB of the 180 KB package.
 */
export async function exec(command: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  // Loaded on first use (a run that only writes files spawns nothing), synchronously: a dynamic import() from the
  // CommonJS bundle would start Node's ESM loader for it.
  const { spawn } = process.getBuiltinModule("node:child_process") as typeof import("node:child_process");
  const started = Date.now();
  return new Promise((resolve) => {
    // Its own process group (POSIX), so a cancel stops the package manager and every script it started:
    // a grandchild left holding the output pipe would keep us waiting.
    const child = spawn(WINDOWS ? quoteForCmd(command) : command, WINDOWS ? args.map(quoteForCmd) : args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: !WINDOWS,
      shell: WINDOWS,
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let partial = "";
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      if (!options.onLine) return;
      const lines = (partial + chunk.toString("utf8")).split(/\r?\n|\r/);
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine(line);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);

    let cancelled = false;
    let notFound = false;
    const stop = () => {
      cancelled = true;
      killTree(child.pid, "SIGTERM");
      setTimeout(() => killTree(child.pid, "SIGKILL"), 3000).unref();
    };
    const timer = options.timeoutMs ? setTimeout(() => killTree(child.pid, "SIGTERM"), options.timeoutMs) : undefined;
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });

    let settled = false;
    const finish = (exitCode: number | undefined) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", stop);
      if (partial && options.onLine) options.onLine(partial);
      resolve({
        ok: exitCode === 0 && !cancelled,
        ...(exitCode !== undefined ? { exitCode } : {}),
        output: Buffer.concat(chunks).toString("utf8"),
        durationMs: Date.now() - started,
        cancelled,
        notFound,
      });
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      notFound = error.code === "ENOENT";
      finish(undefined);
    });
    // "close", not "exit": the output pipes are drained by then.
    child.on("close", (code) => finish(code ?? undefined));
  });
}

function killTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(WINDOWS ? pid : -pid, signal);
  } catch {
    // already gone
  }
}

/** cmd.exe quoting for the few plain arguments we pass (package-manager verbs, script names, a commit message). */
function quoteForCmd(arg: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`;
}
