import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { untilAborted } from "../abort.js";
import { CancelledError } from "../errors.js";
import { readTemplateFiles, type TemplateFolder } from "./local.js";

/** What went wrong with a download, for the message: each has its own fix. */
export class RemoteTemplateError extends Error {
  override readonly name = "RemoteTemplateError";
  constructor(
    readonly reason: "not-cached" | "not-an-archive" | "bomb" | "download",
    message: string,
  ) {
    super(message);
  }
}

/**
 * gh:owner/repo[/subdir][#ref] (also github:, gitlab:, bitbucket:, sourcehut:) through giget: its providers,
 * GIGET_AUTH, GIGET_GITHUB_URL/GIGET_GITLAB_URL and its download cache (offline: the cache only). giget streams
 * the archive to its cache and unpacks it into a temporary folder, which is read like a local template and removed.
 */
export async function downloadRemote(input: string, options: { offline: boolean; signal?: AbortSignal | undefined }): Promise<TemplateFolder> {
  const { downloadTemplate } = await import("../vendor/giget.js");
  const dir = await mkdtemp(path.join(os.tmpdir(), "create-authstack-template-"));
  try {
    try {
      // No registry: a bare name is never looked up in giget's template registry, only the sources we accept.
      // giget takes no abort signal: on Ctrl-C stop waiting (and remove the folder); the CLI then exits.
      await untilAborted(downloadTemplate(input, { dir, force: true, offline: options.offline, registry: false, silent: true }), options.signal);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      const message = (error as Error).message ?? String(error);
      if (message.startsWith("Tarball not found")) throw new RemoteTemplateError("not-cached", message);
      // giget's tar reader refuses what is no archive (an HTML page from a captive portal, answered with 200), and
      // stops an archive that inflates past 1000 times its size.
      if (/TAR_BAD_ARCHIVE|incorrect header check|unexpected end of file/i.test(message)) throw new RemoteTemplateError("not-an-archive", message);
      if (/decompression ratio/i.test(message)) throw new RemoteTemplateError("bomb", message);
      throw new RemoteTemplateError("download", describeError(error));
    }
    const folder = await readTemplateFiles(dir);
    // An answer that unpacked to nothing at all is no template archive either.
    if (folder.files.length === 0 && folder.refused.length === 0) {
      throw new RemoteTemplateError("not-an-archive", "the answer was not a template archive");
    }
    return folder;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND …) is in its cause. */
function describeError(error: unknown): string {
  let { message, cause } = error as Error & { cause?: Error & { code?: string; cause?: Error & { code?: string } } };
  const root = cause?.cause ?? cause;
  const reason = root && !message.includes(root.code ?? root.message) ? ` (${root.code ?? root.message})` : "";
  message = message.split("\n")[0]!.replace(/^Failed to download template from \w+: /, "");
  return `${message}${reason}`;
}
