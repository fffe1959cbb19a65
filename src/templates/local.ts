import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside, isSkippedEntry, type TemplateFile } from "./files.js";

/** Every file under a template folder, with what could not be taken (links out of it, sockets …) and template.json. */
export async function readTemplateFiles(root: string): Promise<{ files: TemplateFile[]; refused: string[]; metaFile: string | undefined }> {
  const realRoot = await realpath(root);
  const files: TemplateFile[] = [];
  const refused: string[] = [];

  async function walk(relDir: string): Promise<void> {
    const entries = await readdir(path.join(realRoot, relDir), { withFileTypes: true });
    await Promise.all(entries.map(async (entry) => {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (isSkippedEntry(rel, entry.isDirectory())) return;
      const absolute = path.join(realRoot, rel);
      if (entry.isSymbolicLink()) {
        // A link is copied as the file it points to, and only when that file is inside the template.
        const target = await realpath(absolute).catch(() => undefined);
        const targetInfo = target ? await stat(target) : undefined;
        if (!target || !isInside(realRoot, target) || !targetInfo?.isFile()) {
          refused.push(`${rel} (a symbolic link to ${target ? "something outside the template or a folder" : "nothing"})`);
          return;
        }
        files.push({ path: rel, content: await readFile(target), executable: (targetInfo.mode & 0o111) !== 0 });
      } else if (entry.isDirectory()) {
        await walk(rel);
      } else if (entry.isFile()) {
        const info = await lstat(absolute);
        files.push({ path: rel, content: await readFile(absolute), executable: (info.mode & 0o111) !== 0 });
      } else {
        refused.push(`${rel} (not a regular file)`);
      }
    }));
  }

  await walk("");
  const metaFile = await readFile(path.join(realRoot, "template.json"), "utf8").catch(() => undefined);
  return { files, refused, metaFile };
}
