import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside, isSkippedPath, MAX_TEMPLATE_BYTES, type TemplateFile, TooLargeError } from "./files.js";

export type TemplateFolder = { files: TemplateFile[]; refused: string[]; metaFile: string | undefined; bytes: number };

/**
 * Every file under a template folder (a local template, or a remote one as giget unpacked it), with what could not
 * be taken (links out of it or to a file templates never copy, sockets …) and template.json. Throws TooLargeError
 * past MAX_TEMPLATE_BYTES.
 */
export async function readTemplateFiles(root: string): Promise<TemplateFolder> {
  const realRoot = await realpath(root);
  const found: { rel: string; absolute: string; size: number; executable: boolean }[] = [];
  const refused: string[] = [];

  async function walk(relDir: string): Promise<void> {
    const entries = await readdir(path.join(realRoot, relDir), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
        if (isSkippedPath(rel, entry.isDirectory())) return;
        const absolute = path.join(realRoot, rel);
        if (entry.isSymbolicLink()) {
          // A link is copied as the file it points to, and only when that file is inside the template and is one
          // a template may hold: a link to .env or into node_modules would bring in what the skip rules keep out.
          const target = await realpath(absolute).catch(() => undefined);
          const info = target ? await stat(target) : undefined;
          if (!target || !isInside(realRoot, target) || !info?.isFile()) {
            refused.push(`${rel} (a symbolic link to ${target ? "something outside the template or a folder" : "nothing"})`);
          } else if (isSkippedPath(path.relative(realRoot, target).split(path.sep).join("/"), false)) {
            refused.push(`${rel} (a symbolic link to ${path.relative(realRoot, target)}, a file templates never copy)`);
          } else {
            found.push({ rel, absolute: target, size: info.size, executable: (info.mode & 0o111) !== 0 });
          }
        } else if (entry.isDirectory()) {
          await walk(rel);
        } else if (entry.isFile()) {
          const info = await lstat(absolute);
          found.push({ rel, absolute, size: info.size, executable: (info.mode & 0o111) !== 0 });
        } else {
          refused.push(`${rel} (not a regular file)`);
        }
      }),
    );
  }

  await walk("");
  const bytes = found.reduce((sum, file) => sum + file.size, 0);
  if (bytes > MAX_TEMPLATE_BYTES) throw new TooLargeError(bytes);
  const files = await Promise.all(
    found.map(async (file): Promise<TemplateFile> => ({ path: file.rel, content: await readFile(file.absolute), executable: file.executable })),
  );
  const metaFile = await readFile(path.join(realRoot, "template.json"), "utf8").catch(() => undefined);
  return { files, refused, metaFile, bytes };
}
