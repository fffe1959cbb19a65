import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { FailureError, UsageError } from "../errors.js";
import { parseTemplateMeta, type TemplateFile, type TemplateMeta } from "./files.js";
import { PACK_FILE, unpackTemplate } from "./pack.js";
import type { TemplateSource } from "./catalog.js";

export type LoadedTemplate = { files: TemplateFile[]; meta: TemplateMeta };

/**
 * Reads a template (bundled, local folder, or downloaded) into memory. Writes nothing. bundledRoot holds either
 * the build's templates.br (the package) or one folder per template (the repo, in tests).
 */
export async function loadTemplate(source: TemplateSource, options: { bundledRoot: string; cwd: string }): Promise<LoadedTemplate> {
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
  return downloadTemplate(source.input);
}

/** A template folder on disk (a local template, or the repo's own templates when no pack is built). */
async function readTemplateDir(root: string, label: string): Promise<LoadedTemplate> {
  // Loaded only here: node:fs/promises costs ~1.5 ms of start-up that a bundled template never needs.
  const { readTemplateFiles } = await import("./local.js");
  const { files, refused, metaFile } = await readTemplateFiles(root);
  return finishTemplate(files, refused, metaFile, label);
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

async function downloadTemplate(input: string): Promise<LoadedTemplate> {
  // Loaded only when a remote template is asked for.
  const { downloadRemote, remoteSource } = await import("./remote.js");
  let downloaded;
  try {
    downloaded = await downloadRemote(remoteSource(input, process.env));
  } catch (error) {
    throw new FailureError(
      `Could not download the template ${input}: ${describeError(error)}`,
      "Check the source (gh:owner/repo[/subdir][#ref]) and your network connection, then run the command again.",
    );
  }
  return finishTemplate(downloaded.files, downloaded.refused, downloaded.meta, input);
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND …) is in its cause. */
function describeError(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error & { code?: string } };
  const reason = cause ? ` (${cause.code ?? cause.message})` : "";
  return `${message.split("\n")[0]}${reason}`;
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
