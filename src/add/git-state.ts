// Whether the files `add` must edit hold work that is not committed: git can then give back what `add` changed.
import { exec } from "../steps/exec.js";

/**
 * The files among `paths` (relative to the project) with changes git has not committed, untracked ones included;
 * undefined when the project is not in a git repository (or git is missing), where nothing can be said.
 */
export async function uncommittedFiles(root: string, paths: readonly string[]): Promise<string[] | undefined> {
  if (paths.length === 0) return [];
  const status = await exec("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...paths], { cwd: root });
  if (!status.ok) return undefined;
  // "XY path\0", and for a rename "XY new\0old\0": the first path of each entry is the file as it is now.
  const entries = status.output.split("\0").filter(Boolean);
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    files.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return files;
}
