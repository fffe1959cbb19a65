import { chmodSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { CancelledError, FailureError } from "../errors.js";
import type { PlannedFile } from "../plan/plan.js";
import { randomSuffix } from "./random.js";

/**
 * The only writer. Files go to a temporary folder beside the target, which is moved into place at the end,
 * so a failure or Ctrl-C before that leaves nothing behind. Into an existing folder (empty, or --overwrite)
 * entries are moved one by one: nothing already there is deleted, same-named files are replaced.
 */
export async function applyPlan(files: readonly PlannedFile[], targetDir: string, signal?: AbortSignal): Promise<void> {
  for (const file of files) safeJoin(targetDir, file.path);
  refuseTypeConflicts(files, targetDir);

  const fs = await import("../vendor/fs-extra.js");
  const parent = path.dirname(targetDir);
  const createdParent = firstMissing(parent);
  const staging = path.join(parent, `.${path.basename(targetDir)}.authstack-${randomSuffix()}`);
  let moved = false;
  try {
    // fs-extra's synchronous calls on purpose: ~100 small files, and each async call is a round trip through
    // libuv's thread pool that costs more than the work. Every path was checked above.
    fs.mkdirpSync(staging);
    if (signal?.aborted) throw new CancelledError();
    for (const file of files) {
      const destination = path.join(staging, file.path);
      fs.outputFileSync(destination, file.content, { mode: file.executable ? 0o755 : 0o644 });
      // The mode given to writeFile is masked by the umask; an executable must stay executable.
      if (file.executable) chmodSync(destination, 0o755);
    }
    if (signal?.aborted) throw new CancelledError();
    const existing = lstatOrUndefined(targetDir);
    if (!existing) {
      // fs-extra's move: a rename, or copy and remove when the target is on another device (a mounted volume).
      fs.moveSync(staging, targetDir);
    } else {
      if (!existing.isDirectory()) throw new FailureError(`${targetDir} is not a directory.`);
      mergeInto(fs, staging, targetDir);
      fs.removeSync(staging);
    }
    moved = true;
  } catch (error) {
    if (!moved) {
      fs.removeSync(staging);
      if (createdParent) fs.removeSync(createdParent);
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

type FsExtra = typeof import("../vendor/fs-extra.js");

/** Into an existing folder: folders merge, files replace their namesakes, nothing else there is touched. */
function mergeInto(fs: FsExtra, from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory() && lstatOrUndefined(destination)?.isDirectory()) {
      mergeInto(fs, source, destination);
    } else {
      fs.moveSync(source, destination, { overwrite: true });
    }
  }
}

/** The highest folder of `dir` that does not exist yet (what a failure must remove again), or undefined. */
function firstMissing(dir: string): string | undefined {
  let missing: string | undefined;
  for (let at = path.resolve(dir); !lstatOrUndefined(at); at = path.dirname(at)) {
    missing = at;
    if (path.dirname(at) === at) break;
  }
  return missing;
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
