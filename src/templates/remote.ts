import path from "node:path";
import { gunzipSync } from "node:zlib";
import { FailureError } from "../errors.js";
import { readTar } from "./tar.js";
import { isSkippedEntry, type TemplateFile } from "./files.js";

export type RemoteSource = { provider: string; repo: string; subdir: string; ref: string; tarball: string; headers: Record<string, string> };

/**
 * gh:owner/repo[/subdir][#ref] (also github:, gitlab:, bitbucket:, sourcehut:) → the archive to fetch.
 * Same addresses and environment overrides as giget (GIGET_GITHUB_URL, GIGET_GITLAB_URL, GIGET_AUTH), which this
 * replaces: a tarball over fetch and node:zlib is all a template needs.
 */
export function remoteSource(input: string, env: NodeJS.ProcessEnv): RemoteSource {
  const [, prefix = "", rest = ""] = /^([a-z]+):(.*)$/.exec(input) ?? [];
  const provider = prefix === "gh" ? "github" : prefix;
  const [address = "", ref = "main"] = rest.split("#");
  // GitLab groups nest, so there the whole path is the repository and a subfolder follows "::" (as in giget).
  const expanded = provider === "gitlab" || address.includes("::");
  const parts = address.split(expanded ? "::" : "/");
  const repo = expanded ? parts[0]! : parts.slice(0, 2).join("/");
  const subdir = (expanded ? (parts[1] ?? "") : parts.slice(2).join("/")).replace(/^\/+|\/+$/g, "");
  const auth: Record<string, string> = env.GIGET_AUTH ? { authorization: `Bearer ${env.GIGET_AUTH}` } : {};
  const tarballs: Record<string, () => string> = {
    github: () => `${env.GIGET_GITHUB_URL || "https://api.github.com"}/repos/${repo}/tarball/${ref}`,
    gitlab: () => `${env.GIGET_GITLAB_URL || "https://gitlab.com"}/${repo}/-/archive/${ref}.tar.gz`,
    bitbucket: () => `https://bitbucket.org/${repo}/get/${ref}.tar.gz`,
    sourcehut: () => `https://git.sr.ht/~${repo}/archive/${ref}.tar.gz`,
  };
  const tarball = tarballs[provider]?.();
  if (!tarball) throw new FailureError(`Unknown template host "${prefix}:". Use gh:, gitlab:, bitbucket: or sourcehut:.`);
  const headers = provider === "github" ? { ...auth, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" } : auth;
  return { provider, repo, subdir, ref, tarball, headers };
}

/** Downloads the archive; the folder the host wraps it in, and everything outside subdir, are dropped. */
export async function downloadRemote(source: RemoteSource): Promise<{ files: TemplateFile[]; refused: string[]; meta?: string }> {
  const response = await fetch(source.tarball, { headers: source.headers, redirect: "follow" });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} from ${new URL(source.tarball).host}`);
  const entries = readTar(gunzipSync(Buffer.from(await response.arrayBuffer())));
  return templateFromEntries(entries, source.subdir);
}

export function templateFromEntries(entries: ReturnType<typeof readTar>, subdir: string): { files: TemplateFile[]; refused: string[]; meta?: string } {
  const prefix = subdir ? `${subdir}/` : "";
  const byPath = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    // Every host wraps the tree in one folder (owner-repo-<sha>/); giget drops it the same way.
    const inArchive = entry.path.split("/").slice(1).join("/").replace(/\/+$/, "");
    if (!inArchive.startsWith(prefix) || inArchive === subdir) continue;
    byPath.set(inArchive.slice(prefix.length), entry);
  }
  const files: TemplateFile[] = [];
  const refused: string[] = [];
  let meta: string | undefined;
  for (const [rel, entry] of byPath) {
    if (entry.type === "directory" || (rel !== "template.json" && skipped(rel))) continue;
    if (rel.split("/").some((part) => part === ".." || part === "") || path.posix.isAbsolute(rel)) {
      refused.push(`${rel} (a path that leaves the template)`);
      continue;
    }
    const target = resolveLink(rel, entry, byPath, prefix);
    if (target === "outside") {
      refused.push(`${rel} (a symbolic link to something outside the template or a folder)`);
    } else if (target === "missing") {
      refused.push(`${rel} (a symbolic link to nothing)`);
    } else if (target.type !== "file") {
      refused.push(`${rel} (not a regular file)`);
    } else if (rel === "template.json") {
      meta = target.content.toString("utf8");
    } else {
      files.push({ path: rel, content: Buffer.from(target.content), executable: (target.mode & 0o111) !== 0 });
    }
  }
  return { files, refused, ...(meta !== undefined ? { meta } : {}) };
}

function skipped(rel: string): boolean {
  const parts = rel.split("/");
  for (let i = 1; i < parts.length; i++) if (isSkippedEntry(parts.slice(0, i).join("/"), true)) return true;
  return isSkippedEntry(rel, false);
}

type Entry = ReturnType<typeof readTar>[number];

/** A link counts as the file it points to, and only when that file is inside the template (as for a local folder). */
function resolveLink(rel: string, entry: Entry, byPath: Map<string, Entry>, prefix: string): Entry | "outside" | "missing" {
  let current = entry;
  let at = rel;
  for (let hops = 0; hops < 20; hops++) {
    if (current.type !== "symlink" && current.type !== "hardlink") return current;
    const link = current.linkTarget;
    let next: string;
    if (current.type === "hardlink") {
      // A hard link names another member of the archive, wrapper folder included.
      const inArchive = link.split("/").slice(1).join("/");
      if (!inArchive.startsWith(prefix)) return "outside";
      next = inArchive.slice(prefix.length);
    } else {
      if (path.posix.isAbsolute(link)) return "outside";
      next = path.posix.normalize(path.posix.join(path.posix.dirname(at), link));
    }
    if (next === ".." || next.startsWith("../")) return "outside";
    const found = byPath.get(next);
    if (!found) return "missing";
    if (found.type === "directory") return "outside";
    current = found;
    at = next;
  }
  return "missing";
}
