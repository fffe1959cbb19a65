import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CancelledError, FailureError, UsageError } from "../errors.js";
import { parseTemplateMeta, type TemplateFile, type TemplateMeta, TooLargeError } from "./files.js";
import { PACK_FILE, unpackTemplate } from "./pack.js";
import type { TemplateSource } from "./catalog.js";

export type LoadedTemplate = { files: TemplateFile[]; meta: TemplateMeta };

/**
 * Reads a template (bundled, local folder, or downloaded) into memory. Writes nothing. bundledRoot holds either
 * the build's templates.br (the package) or one folder per template (the repo, in tests).
 */
export async function loadTemplate(source: TemplateSource, options: { bundledRoot: string; cwd: string; offline?: boolean; signal?: AbortSignal }): Promise<LoadedTemplate> {
  if (source.kind === "bundled") {
    const packed = readPack(options.bundledRoot);
    const template = packed && unpackTemplate(packed, source.id);
    return template ?? readTemplateDir(path.join(options.bundledRoot, source.id), source.id);
  }
  if (source.kind === "local") {
    const dir = path.resolve(options.cwd, source.path);
    if (!isDirectory(dir)) throw new UsageError(`Template folder ${source.path} does not exist or is not a folder.`);
    return readTemplateDir(dir, source.path);
  }
  return downloadTemplate(source.input, { offline: options.offline === true, signal: options.signal });
}

/** A template folder on disk (a local template, or the repo's own templates when no pack is built). */
async function readTemplateDir(root: string, label: string): Promise<LoadedTemplate> {
  // Loaded only here: node:fs/promises costs ~1.5 ms of start-up that a bundled template never needs.
  const { readTemplateFiles } = await import("./local.js");
  const folder = await readTemplateFiles(root).catch((error: unknown) => {
    throw error instanceof TooLargeError ? tooLarge(label, error) : error;
  });
  return finishTemplate(folder.files, folder.refused, folder.metaFile, label);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function readPack(root: string): Buffer | undefined {
  try {
    return readFileSync(path.join(root, PACK_FILE));
  } catch {
    return undefined;
  }
}

async function downloadTemplate(input: string, options: { offline: boolean; signal: AbortSignal | undefined }): Promise<LoadedTemplate> {
  // Loaded only when a remote template is asked for.
  const { downloadRemote, RemoteTemplateError } = await import("./remote.js");
  let folder;
  try {
    folder = await downloadRemote(input, options);
  } catch (error) {
    throw remoteFailure(input, error, RemoteTemplateError);
  }
  return finishTemplate(folder.files, folder.refused, folder.metaFile, input);
}

function remoteFailure(input: string, error: unknown, RemoteError: typeof import("./remote.js").RemoteTemplateError): Error {
  if (error instanceof TooLargeError) return tooLarge(input, error);
  if (error instanceof CancelledError) return error;
  if (!(error instanceof RemoteError)) return error as Error;
  if (error.reason === "not-cached") {
    return new FailureError(
      `The template ${input} is not in giget's download cache, and --offline allows no network.`,
      "Run the same command once without --offline to download and cache it; after that --offline works.",
    );
  }
  if (error.reason === "not-an-archive") {
    return new FailureError(
      `Could not download the template ${input}: the answer was not a template archive. A captive portal, a proxy or a sign-in page may have answered instead of the host.`,
      "Open the repository in a browser to check the network (and sign in to it if asked), then run the command again.",
    );
  }
  if (error.reason === "bomb") {
    return new FailureError(
      `The template ${input} was refused: its archive inflates to more than 1000 times its size, as no source tree does (a decompression bomb). Nothing was written.`,
      "Check the source (gh:owner/repo[/subdir][#ref]); a real template unpacks to at most a few times its download.",
    );
  }
  return new FailureError(
    `Could not download the template ${input}: ${error.message}`,
    "Check the source (gh:owner/repo[/subdir][#ref]) and your network connection, then run the command again. For a private repository set GIGET_AUTH to a token.",
  );
}

function tooLarge(label: string, error: TooLargeError): FailureError {
  return new FailureError(
    `The template ${label} is too large: ${error.message}. Nothing was written.`,
    "Point --template at the starter's own folder (gh:owner/repo/subdir or ./path), not a whole repository.",
  );
}

/** The checks every source shares: nothing that could land outside, a package.json, a valid template.json. */
function finishTemplate(files: TemplateFile[], refused: string[], metaFile: string | undefined, label: string): LoadedTemplate {
  if (refused.length > 0) {
    throw new FailureError(
      `The template ${label} has entries that could land outside the project, so nothing was written: ${refused.sort().join(", ")}.`,
      "Use a template without such links.",
    );
  }
  if (!files.some((f) => f.path === "package.json")) {
    throw new FailureError(
      `The template ${label} has no package.json at its root, so it does not look like a project.`,
      "Point --template at the folder that holds package.json (gh:owner/repo/subdir for a subfolder).",
    );
  }
  const meta = parseTemplateMeta(metaFile, files, label);
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, meta };
}
