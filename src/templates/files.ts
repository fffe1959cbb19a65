import path from "node:path";
import { FailureError } from "../errors.js";

export type TemplateFile = { path: string; content: Buffer; executable: boolean };

export type Replacement = { file: string; token: string; with: "packageName" | "workerName" };

/** What a plugin the template offers adds to package.json besides its prepared files. */
export type PluginNeeds = { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; scripts?: Record<string, string> };

export type TemplateMeta = {
  title?: string;
  hint?: string;
  /** the env file the CLI writes from `<envFile>.example`; absent when the template has no example */
  envFile?: string;
  databaseUrl?: boolean;
  replace: Replacement[];
  /** the --plugins ids it offers (their files under plugins/); absent: it offers none */
  plugins?: Record<string, PluginNeeds>;
};

/** More than any starter needs: a larger template is refused before it is read into memory (a gzip bomb). */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

export class TooLargeError extends Error {
  override readonly name = "TooLargeError";
  constructor(readonly bytes: number) {
    super(`it holds ${mebibytes(bytes)} of files, more than the ${mebibytes(MAX_TEMPLATE_BYTES)} a template may have`);
  }
}

const mebibytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Folders never copied, wherever they are. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".data", ".wrangler", ".turbo", ".cache", "dist", "coverage"]);
/** Files never copied: local state, secrets, lockfiles of whichever manager the author used. */
const SKIPPED_FILES = new Set([
  ".env",
  ".dev.vars",
  ".DS_Store",
  "package-lock.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "bun.lock",
  "bun.lockb",
]);
/** Only at the template's root: its metadata and its local database folder. */
const SKIPPED_AT_ROOT = new Set(["template.json", "data"]);

/** Whether a template path ("a/b/c", relative to its root) is never copied: by its own name or a folder's above it. */
export function isSkippedPath(relPath: string, isDirectory: boolean): boolean {
  const parts = relPath.split("/");
  if (parts.slice(0, -1).some((_, i) => isSkippedName(parts[i]!, true, i === 0))) return true;
  return isSkippedName(parts.at(-1)!, isDirectory, parts.length === 1);
}

function isSkippedName(name: string, isDirectory: boolean, atRoot: boolean): boolean {
  if (atRoot && SKIPPED_AT_ROOT.has(name)) return true;
  if (isDirectory) return SKIPPED_DIRS.has(name);
  return SKIPPED_FILES.has(name) || name.endsWith(".log");
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** template.json is optional for remote and local templates: the env file is then inferred from its example. */
export function parseTemplateMeta(text: string | undefined, files: readonly TemplateFile[], label: string): TemplateMeta {
  let raw: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new FailureError(`The template ${label} has an invalid template.json: ${(error as Error).message}`);
    }
  }
  const has = (p: string) => files.some((f) => f.path === p);
  const envFile =
    typeof raw.envFile === "string"
      ? raw.envFile
      : [".env", ".dev.vars"].find((candidate) => has(`${candidate}.example`));
  if (envFile !== undefined && !has(`${envFile}.example`)) {
    throw new FailureError(`The template ${label} names ${envFile} as its env file but has no ${envFile}.example.`);
  }
  const replace = Array.isArray(raw.replace) ? (raw.replace as Replacement[]) : [];
  for (const r of replace) {
    if (typeof r.file !== "string" || typeof r.token !== "string" || !["packageName", "workerName"].includes(r.with)) {
      throw new FailureError(`The template ${label} has an invalid "replace" entry in template.json: ${JSON.stringify(r)}.`);
    }
  }
  const plugins = parsePlugins(raw.plugins, label);
  return {
    ...(typeof raw.title === "string" ? { title: raw.title } : {}),
    ...(typeof raw.hint === "string" ? { hint: raw.hint } : {}),
    ...(envFile !== undefined ? { envFile } : {}),
    ...(raw.databaseUrl === true ? { databaseUrl: true } : {}),
    replace,
    ...(plugins ? { plugins } : {}),
  };
}

function parsePlugins(value: unknown, label: string): Record<string, PluginNeeds> | undefined {
  if (value === undefined) return undefined;
  const invalid = () => new FailureError(`The template ${label} has an invalid "plugins" entry in template.json: ${JSON.stringify(value)}.`);
  const isStrings = (record: unknown) =>
    record === undefined || (typeof record === "object" && record !== null && Object.values(record).every((v) => typeof v === "string"));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid();
  for (const needs of Object.values(value)) {
    if (typeof needs !== "object" || needs === null) throw invalid();
    const { dependencies, devDependencies, scripts } = needs as PluginNeeds;
    if (![dependencies, devDependencies, scripts].every(isStrings)) throw invalid();
  }
  return value as Record<string, PluginNeeds>;
}
