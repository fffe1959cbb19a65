import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { REPO_ROOT } from "./paths.js";

declare module "vitest" {
  export interface ProvidedContext {
    cli: { bin: string; tarball: string; tarballBytes: number };
  }
}

/**
 * Packs the CLI once (prepack builds it), then installs the tarball the way users get it, so every CLI and e2e test runs
 * what npm would run.
 */
export default function setup(project: TestProject) {
  const work = mkdtempSync(path.join(os.tmpdir(), "authstack-packed-"));
  const npm = (args: string[], cwd = REPO_ROOT) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work])) as Array<{ filename: string }>;
  const tarball = path.join(work, packed!.filename);
  const prefix = path.join(work, "install");
  npm(["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-package-lock", tarball], work);
  project.provide("cli", {
    bin: path.join(prefix, "node_modules/create-authstack/bin/create-authstack.cjs"),
    tarball,
    tarballBytes: statSync(tarball).size,
  });
  return () => rmSync(work, { recursive: true, force: true });
}
