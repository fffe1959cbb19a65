import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** A fresh temp folder, removed after the file's tests. */
export function tempDir(prefix = "authstack-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  // mkdtemp makes it 0700; as root, the zero-setup PostgreSQL runs as another user and must reach the project.
  chmodSync(dir, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file below dir, as sorted relative paths (folders end in /), skipping the named folders. */
export function listTree(dir: string, skip: readonly string[] = ["node_modules", ".git"]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, relPath)).isDirectory()) {
        if (skip.includes(name)) continue;
        walk(relPath);
      } else out.push(relPath);
    }
  };
  walk("");
  return out;
}
