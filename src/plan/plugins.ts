// The Better Auth plugins a project can be created with (--plugins): which ids exist, and how a template's
// prepared files for a set of them replace its own. Pure: no fs, no process.
import type { TemplateFile, TemplateMeta } from "../templates/files.js";

/** In the order they take in src/auth.ts (the Better Auth CLI writes their tables in that order). */
export const PLUGIN_IDS = ["two-factor", "passkey", "magic-link", "admin"] as const;
export type PluginId = (typeof PLUGIN_IDS)[number];

export const PLUGIN_LABELS: Readonly<Record<PluginId, { label: string; hint: string }>> = {
  "two-factor": { label: "Two-factor", hint: "authenticator-app codes and backup codes at sign-in" },
  passkey: { label: "Passkeys", hint: "sign in with WebAuthn: Touch ID, Windows Hello, a security key" },
  "magic-link": { label: "Magic links", hint: "sign in by a link sent to the address" },
  admin: { label: "Admin", hint: "/admin/users: list, ban, impersonate; npm run auth:admin -- <email>" },
};

/** The tables each plugin adds (two-factor and admin also add columns to user and session). */
export const PLUGIN_TABLES: Readonly<Record<PluginId, readonly string[]>> = {
  "two-factor": ["two_factor"],
  passkey: ["passkey"],
  "magic-link": [],
  admin: [],
};

/** A template's folder of plugin files: never written into a project as such. */
export const PLUGINS_DIR = "plugins/";
const SETS_DIR = `${PLUGINS_DIR}sets/`;
const FILES_DIR = `${PLUGINS_DIR}files/`;

/** "two-factor,admin" → the ids in their fixed order; "none" or "" → none; else the error to show. */
export function parsePluginList(input: string): PluginId[] | { error: string } {
  const words = input
    .split(",")
    .map((word) => word.trim())
    .filter(Boolean);
  if (words.length === 1 && words[0] === "none") return [];
  const unknown = words.filter((word) => !(PLUGIN_IDS as readonly string[]).includes(word));
  if (unknown.length > 0) {
    const which = unknown.map((word) => `"${word}"`).join(", ");
    return { error: `Unknown plugin ${which} in --plugins. Valid ids: ${PLUGIN_IDS.join(", ")} (comma-separated), or none.` };
  }
  return sortPlugins(words as PluginId[]);
}

export const sortPlugins = (ids: readonly PluginId[]): PluginId[] => PLUGIN_IDS.filter((id) => ids.includes(id));

/** The folder of a set under plugins/sets/: "two-factor+admin". */
export const pluginSetKey = (ids: readonly PluginId[]): string => sortPlugins(ids).join("+");

/** The plugins a template offers, or why it offers none of those asked for. */
export function unofferedPlugins(meta: TemplateMeta, ids: readonly PluginId[]): PluginId[] {
  return ids.filter((id) => !meta.plugins?.[id]);
}

/**
 * The template's files for these plugins: its own, with the set's prepared files (src/auth.ts, the schema, the
 * initial migration) and each plugin's own files laid over them, and its plugins/ folder left out.
 */
export function withPlugins(files: readonly TemplateFile[], meta: TemplateMeta, ids: readonly PluginId[]): TemplateFile[] {
  if (!meta.plugins) return [...files];
  const byPath = new Map(files.filter((f) => !f.path.startsWith(PLUGINS_DIR)).map((f) => [f.path, f]));
  const layers = [...ids.map((id) => `${FILES_DIR}${id}/`), ...(ids.length > 0 ? [`${SETS_DIR}${pluginSetKey(ids)}/`] : [])];
  for (const prefix of layers) {
    for (const file of files) {
      if (file.path.startsWith(prefix)) byPath.set(file.path.slice(prefix.length), { ...file, path: file.path.slice(prefix.length) });
    }
  }
  return [...byPath.values()];
}

/** package.json with the dependencies and scripts the chosen plugins need (template.json says which). */
export function addPluginPackages(packageJsonText: string, meta: TemplateMeta, ids: readonly PluginId[]): string {
  if (ids.length === 0) return packageJsonText;
  const pkg = JSON.parse(packageJsonText) as Record<"scripts" | "dependencies" | "devDependencies", Record<string, string> | undefined>;
  for (const id of ids) {
    const needs = meta.plugins?.[id] ?? {};
    if (needs.scripts) pkg.scripts = { ...pkg.scripts, ...needs.scripts };
    if (needs.dependencies) pkg.dependencies = sortedKeys({ ...pkg.dependencies, ...needs.dependencies });
    if (needs.devDependencies) pkg.devDependencies = sortedKeys({ ...pkg.devDependencies, ...needs.devDependencies });
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

const sortedKeys = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
