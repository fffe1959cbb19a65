import { execa } from "execa";
import { userEnv } from "./cli.js";

/** Runs a command in a generated project as a user would in a shell. */
export async function run(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const result = await execa(command, args, { cwd, env: userEnv(env), extendEnv: false, reject: false, all: true, stdin: "ignore" });
  return { exitCode: result.exitCode, stdout: String(result.stdout), all: String(result.all) };
}
