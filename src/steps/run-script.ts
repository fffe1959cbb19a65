import path from "node:path";
import { isPackageManager } from "../plan/package-manager.js";

export type Command = { command: string; args: readonly string[]; env?: Record<string, string> };

/**
 * `<pm> run <script>` as the package manager would run it, without starting the package manager: the template's
 * own script line, in a shell, with the project's node_modules/.bin first on PATH. npm alone takes ~250 ms to
 * start, twice per migration (db:migrate, db:tables). Anything this does not cover (a pre/post script, arguments,
 * Windows, where the shell and the .cmd shims differ) goes through the package manager as asked.
 */
export function directScript(run: Command, scripts: Readonly<Record<string, string>>, cwd: string, platform: string, pathEnv: string | undefined): Command | undefined {
  const [verb, name, ...rest] = run.args;
  if (platform === "win32" || !isPackageManager(run.command) || verb !== "run" || !name || rest.length > 0) return undefined;
  const body = scripts[name];
  if (typeof body !== "string" || scripts[`pre${name}`] !== undefined || scripts[`post${name}`] !== undefined) return undefined;
  const bin = path.join(cwd, "node_modules", ".bin");
  return {
    command: "sh",
    args: ["-c", body],
    env: { PATH: pathEnv ? `${bin}${path.delimiter}${pathEnv}` : bin, npm_lifecycle_event: name },
  };
}
