import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { cp, lstat, mkdir, readdir, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { CancelledError, FailureError } from "./errors.js";
import type { PlannedFile } from "./plan.js";
import { isInside } from "./template-files.js";

/**
 * The only writer. Files go to a temporary folder beside the target, which is moved into place at the end,
 * so a failure or Ctrl-C before that leaves nothing behind. Into an existing folder (empty, or --overwrite)
 * entries are moved one by one: nothing already there is deleted, same-named files are replaced.
 */
export async function applyPlan(files: readonly PlannedFile[], targetDir: string, signal?: AbortSignal): Promise<void> {
  for (const file of files) safeJoin(targetDir, file.path);
  await refuseTypeConflicts(files, targetDir);

  const parent = path.dirname(targetDir);
  const createdParent = await mkdirReportingFirst(parent);
  const staging = path.join(parent, `.${path.basename(targetDir)}.authstack-${randomBytes(4).toString("hex")}`);
  let moved = false;
  try {
    await mkdir(staging);
    // Synchronous on purpose: ~100 small files, and each async call is a round trip through libuv's thread pool
    // that costs more than the write itself. One mkdir per folder, parents first (sorted), then the files.
    for (const folder of [...new Set(files.flatMap((file) => ancestors(file.path)))].sort()) mkdirSync(safeJoin(staging, folder));
    if (signal?.aborted) throw new CancelledError();
    for (const file of files) {
      const destination = safeJoin(staging, file.path);
      writeFileSync(destination, file.content, { mode: file.executable ? 0o755 : 0o644 });
      // The mode given to writeFile is masked by the umask; an executable must stay executable.
      if (file.executable) chmodSync(destination, 0o755);
    }
    if (signal?.aborted) throw new CancelledError();
    const existing = await lstat(targetDir).catch(() => undefined);
    if (!existing) {
      await move(staging, targetDir);
    } else {
      if (!existing.isDirectory()) throw new FailureError(`${targetDir} is not a directory.`);
      await mergeInto(staging, targetDir);
      await rm(staging, { recursive: true, force: true });
    }
    moved = true;
  } catch (error) {
    if (!moved) {
      await rm(staging, { recursive: true, force: true });
      if (createdParent) await rm(createdParent, { recursive: true, force: true });
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
  const joined = path.resolve(root, relPath);
  if (unsafe || !isInside(root, joined) || joined === path.resolve(root)) {
    throw new FailureError(`Refused to write "${relPath}": it would land outside the project folder.`);
  }
  return joined;
}

async function mergeInto(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    if (entry.isDirectory() && (await lstat(destination).catch(() => undefined))?.isDirectory()) {
      await mergeInto(source, destination);
      await rmdir(source).catch(() => undefined);
    } else {
      await move(source, destination);
    }
  }
}

/** rename, replacing a same-named file; copy + delete when the target is another device (a mounted volume). */
async function move(from: string, to: string): Promise<void> {
  await rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EXDEV") throw error;
    await cp(from, to, { recursive: true, force: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  });
}

/** With --overwrite, a planned file where a folder stands (or the reverse) would stop the move halfway: check first. */
async function refuseTypeConflicts(files: readonly PlannedFile[], targetDir: string): Promise<void> {
  if (!(await lstat(targetDir).catch(() => undefined))?.isDirectory()) return;
  const folders = new Set(files.flatMap((f) => ancestors(f.path)));
  for (const file of files) {
    if ((await lstat(path.join(targetDir, file.path)).catch(() => undefined))?.isDirectory()) {
      throw new FailureError(`${file.path} is a folder in ${targetDir}, but the template writes a file there. Move it away and run again.`);
    }
  }
  for (const folder of folders) {
    const info = await lstat(path.join(targetDir, folder)).catch(() => undefined);
    if (info && !info.isDirectory()) {
      throw new FailureError(`${folder} is a file in ${targetDir}, but the template needs a folder there. Move it away and run again.`);
    }
  }
}

function ancestors(relPath: string): string[] {
  const parts = relPath.split("/").slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** mkdir -p that returns the topmost folder it had to create, so a failure can remove exactly that. */
async function mkdirReportingFirst(dir: string): Promise<string | undefined> {
  return (await mkdir(dir, { recursive: true })) ?? undefined;
}
