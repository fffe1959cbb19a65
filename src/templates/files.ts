import path from "node:path";
import { FailureError } from "../errors.js";

export type TemplateFile = { path: string; content: Buffer; executable: boolean };

export type Replacement = { file: string; token: string; with: "packageName" | "workerName" };

export type TemplateMeta = {
  title?: string;
  hint?: string;
  /** the env file the CLI writes from `<envFile>.example`; absent when the template has no example */
  envFile?: string;
  databaseUrl?: boolean;
  replace: Replacement[];
};

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

export function isSkippedEntry(relPath: string, isDirectory: boolean): boolean {
  const name = relPath.slice(relPath.lastIndexOf("/") + 1);
  if (!relPath.includes("/") && SKIPPED_AT_ROOT.has(name)) return true;
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
  return {
    ...(typeof raw.title === "string" ? { title: raw.title } : {}),
    ...(typeof raw.hint === "string" ? { hint: raw.hint } : {}),
    ...(envFile !== undefined ? { envFile } : {}),
    ...(raw.databaseUrl === true ? { databaseUrl: true } : {}),
    replace,
  };
}
