import { execa, type ResultPromise } from "execa";
import { inject } from "vitest";

/** The environment a user's shell would give us: no package manager agent, no CI unless a test says so. */
export function userEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
  for (const key of Object.keys(env)) {
    if (key.startsWith("npm_") || key === "CI" || key.startsWith("VITEST") || key === "INIT_CWD") delete env[key];
  }
  return { ...env, ...extra };
}

export type CliRun = { exitCode: number | undefined; stdout: string; stderr: string; all: string };

/** Spawns the packed CLI with Node, no TTY, no stdin. */
export function spawnCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; node?: string }): ResultPromise<{ all: true; reject: false }> {
  const { bin } = inject("cli");
  return execa(options.node ?? "node", [bin, ...args], {
    cwd: options.cwd,
    env: userEnv(options.env),
    extendEnv: false,
    stdin: "ignore",
    all: true,
    reject: false,
  }) as ResultPromise<{ all: true; reject: false }>;
}

export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; node?: string }): Promise<CliRun> {
  const result = await spawnCli(args, options);
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), all: String(result.all) };
}

/** The objects of --json output, one per line; throws if any line is not JSON. */
export function jsonLines(stdout: string): Array<Record<string, any>> {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, any>);
}
