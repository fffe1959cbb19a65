import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";

/** The packages each package manager's command can come from, when it was installed from the npm registry. */
const PACKAGES: Record<string, (name: string) => boolean> = {
  npm: (name) => name === "npm",
  pnpm: (name) => name === "pnpm" || name === "@pnpm/exe",
  yarn: (name) => name === "yarn" || name === "@yarnpkg/cli-dist",
  bun: (name) => name === "bun" || name.startsWith("@oven/bun-"),
};

/**
 * The version of `command` read from the package.json of the package its file on PATH belongs to: no process to
 * start (npm and pnpm take 200–300 ms just to print their version). Undefined when that is not known for sure
 * (a corepack or Volta shim, a standalone binary, Windows): then the caller asks the command itself.
 */
export function installedVersion(command: string, pathEnv: string | undefined, platform: string): string | undefined {
  const accepts = PACKAGES[command];
  if (!accepts || !pathEnv || platform === "win32") return undefined;
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir) continue;
    let file: string;
    try {
      file = realpathSync(path.join(dir, command));
    } catch {
      continue;
    }
    // The first match on PATH is what a spawn would run: stop there, whatever it turns out to be.
    for (let folder = path.dirname(file), up = 0; up < 4; folder = path.dirname(folder), up++) {
      try {
        const pkg = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
        if (typeof pkg.name === "string" && accepts(pkg.name) && typeof pkg.version === "string" && /^\d+\.\d+\.\d+/.test(pkg.version)) return pkg.version;
        if (typeof pkg.name === "string") return undefined;
      } catch {
        // no package.json at this level
      }
    }
    return undefined;
  }
  return undefined;
}
