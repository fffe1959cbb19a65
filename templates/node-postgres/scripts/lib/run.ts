// Runs one PostgreSQL tool (initdb, pg_ctl) and collects its output, as another user when asked.
import { spawn } from "node:child_process";
import path from "node:path";
import { LocalPostgresError } from "./errors.ts";

/** The user PostgreSQL runs as when we are root (it refuses to run as root). */
export type RunAs = { uid: number; gid: number; name: string } | undefined;

export type RunResult = { code: number | null; stdout: string; stderr: string };

export function run(command: string, args: string[], runAs: RunAs, options: { check?: boolean } = {}): Promise<RunResult> {
  const check = options.check ?? true;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      // Untranslated messages: we match a few of them and show the rest.
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
      // Not the project (the other user may not be able to enter it): tools get absolute paths.
      cwd: path.dirname(command),
      ...(runAs && { uid: runAs.uid, gid: runAs.gid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (check && code !== 0) {
        reject(new LocalPostgresError(`${path.basename(command)} failed (exit ${code}):\n${(stderr || stdout).trim()}`));
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

export function capture(command: string, args: string[]): Promise<string> {
  return run(command, args, undefined).then((result) => result.stdout);
}
