// The project `add` works on: the nearest folder upwards with an authstack.json, and what that file records.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { parsePluginList, type PluginId } from "../plan/plugins.js";
import { RECORD_FILE, type ProjectRecord } from "../plan/transforms.js";

export type Project = { root: string; record: ProjectRecord & { plugins: PluginId[] } };

export function findProject(cwd: string): Project {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, RECORD_FILE);
    if (existsSync(file)) return { root: dir, record: readRecord(file) };
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(
    `No ${RECORD_FILE} in ${cwd} or any folder above it: add works inside a project made by create-authstack.`,
    "Run it in the project's folder (cd my-app), or create one first: npm create authstack@latest",
  );
}

function readRecord(file: string): Project["record"] {
  let raw: Partial<ProjectRecord>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8")) as Partial<ProjectRecord>;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}), so add cannot tell what the project was made from.`);
  }
  const plugins = Array.isArray(raw.plugins) ? parsePluginList(raw.plugins.join(",")) : { error: "" };
  if (typeof raw.template !== "string" || typeof raw.createdWith !== "string" || "error" in plugins) {
    throw new UsageError(`${file} does not say what the project was made from: it needs "template", "plugins" and "createdWith", as create-authstack wrote them.`);
  }
  return { template: raw.template, plugins, createdWith: raw.createdWith };
}
