import { chmodSync, cpSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CancelledError, FailureError } from "../errors.js";
import type { PlannedFile } from "../plan/plan.js";
import { randomBytes } from "./random.js";

/**
 * The only writer. Files go to a temporary folder beside the target, which is moved into place at the end,
 * so a failure or Ctrl-C before that leaves nothing behind. Into an existing folder (empty, or --overwrite)
 * entries are moved one by one: nothing already there is deleted, same-named files are replaced.
 */
export async function applyPlan(files: readonly PlannedFile[], targetDir: string, signal?: AbortSignal): Promise<void> {
  for (const file of files) safeJoin(targetDir, file.path);
  refuseTypeConflicts(files, targetDir);

  const parent = path.dirname(targetDir);
  const createdParent = mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(targetDir)}.authstack-${randomBytes(4).toString("hex")}`);
  let moved = false;
  try {
    mkdirSync(staging);
    // Synchronous on purpose, like everything here: ~100 small files, and each async call is a round trip through
    // libuv's thread pool that costs more than the work (on a loaded machine, milliseconds per wake-up). One mkdir
    // per folder, parents first (sorted), then the files.
    // Every path was checked above; joining them again needs no second check.
    for (const folder of [...new Set(files.flatMap((file) => ancestors(file.path)))].sort()) mkdirSync(path.join(staging, folder));
    if (signal?.aborted) throw new CancelledError();
    for (const file of files) {
      const destination = path.join(staging, file.path);
      writeFileSync(destination, file.content, { mode: file.executable ? 0o755 : 0o644 });
      // The mode given to writeFile is masked by the umask; an executable must stay executable.
      if (file.executable) chmodSync(destination, 0o755);
    }
    if (signal?.aborted) throw new CancelledError();
    const existing = lstatOrUndefined(targetDir);
    if (!existing) {
      move(staging, targetDir);
    } else {
      if (!existing.isDirectory()) throw new FailureError(`${targetDir} is not a directory.`);
      mergeInto(staging, targetDir);
      rmSync(staging, { recursive: true, force: true });
    }
    moved = true;
  } catch (error) {
    if (!moved) {
      rmSync(staging, { recursive: true, force: true });
      if (createdParent) rmSync(createdParent, { recursive: true, force: true });
    }
    throw error;
  }
}

/** Refuses any entry that would land outside root: absolute paths, `..`, drive letters, NUL. */
export function safeJoin(root: string, relPath: string): string {
  const unsafe =
    relPath === "" ||
    relPath.includes("\0") ||
    path.isAbsolute(relPath) ||
    /^[A-Za-z]:/.test(relPath) ||
    relPath.split(/[/\\]/).includes("..");
  const base = path.resolve(root);
  const joined = path.resolve(base, relPath);
  // Strictly below the root: the root itself ("." or "a/..") is refused too.
  if (unsafe || !joined.startsWith(base.endsWith(path.sep) ? base : base + path.sep)) {
    throw new FailureError(`Refused to write "${relPath}": it would land outside the project folder.`);
  }
  return joined;
}

function mergeInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory() && lstatOrUndefined(destination)?.isDirectory()) {
      mergeInto(source, destination);
      rmSync(source, { recursive: true, force: true });
    } else {
      move(source, destination);
    }
  }
}

/** rename, replacing a same-named file; copy + delete when the target is another device (a mounted volume). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true, force: true, verbatimSymlinks: true });
    rmSync(from, { recursive: true, force: true });
  }
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** With --overwrite, a planned file where a folder stands (or the reverse) would stop the move halfway: check first. */
function refuseTypeConflicts(files: readonly PlannedFile[], targetDir: string): void {
  if (!lstatOrUndefined(targetDir)?.isDirectory()) return;
  const folders = new Set(files.flatMap((f) => ancestors(f.path)));
  for (const file of files) {
    if (lstatOrUndefined(path.join(targetDir, file.path))?.isDirectory()) {
      throw new FailureError(`${file.path} is a folder in ${targetDir}, but the template writes a file there. Move it away and run again.`);
    }
  }
  for (const folder of folders) {
    const info = lstatOrUndefined(path.join(targetDir, folder));
    if (info && !info.isDirectory()) {
      throw new FailureError(`${folder} is a file in ${targetDir}, but the template needs a folder there. Move it away and run again.`);
    }
  }
}

function ancestors(relPath: string): string[] {
  const parts = relPath.split("/").slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}
