import { execa } from "execa";

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
  const started = performance.now();
  const child = execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdin: "ignore",
    all: true,
    reject: false,
    stripFinalNewline: false,
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    forceKillAfterDelay: 5000,
  });
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
  const notFound = (result as { code?: string }).code === "ENOENT";
  return {
    ok: result.exitCode === 0 && !result.isCanceled,
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    output: typeof result.all === "string" ? result.all : "",
    durationMs: Math.round(performance.now() - started),
    cancelled: result.isCanceled === true || options.signal?.aborted === true,
    notFound,
  };
}
