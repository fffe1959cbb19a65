// Pure edits of template files: (content, values) => content. No fs, no process.
import type { PackageManager } from "./package-manager.js";

/** npm drops `.gitignore` from published tarballs, so templates ship `_gitignore`. */
export function projectPath(templatePath: string): string {
  return templatePath.replace(/(^|\/)_gitignore$/, "$1.gitignore");
}

/** The file that marks a generated project and says what it was made from (`add` reads and updates it). */
export const RECORD_FILE = "authstack.json";

export type ProjectRecord = {
  /** the bundled template's id, or the remote template as given */
  template: string;
  /** the Better Auth plugins chosen on top of the template's own, by id */
  plugins: readonly string[];
  /** "create-authstack@1.2.3" */
  createdWith: string;
};

export function renderRecord(record: ProjectRecord): string {
  const { template, plugins, createdWith } = record;
  return `${JSON.stringify({ template, plugins, createdWith }, null, 2)}\n`;
}

export type PackageJsonEdit = {
  name: string;
  packageManager: PackageManager;
  /** "pnpm@9.1.0"; omitted when the version is unknown */
  packageManagerField?: string;
};

/** Sets name and packageManager, and turns npm's allowScripts into the chosen manager's own approvals. */
export function editPackageJson(text: string, edit: PackageJsonEdit): string {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const { name: _name, ...rest } = pkg;
  const out: Record<string, unknown> = { name: edit.name, ...rest };
  if (edit.packageManagerField) out.packageManager = edit.packageManagerField;
  else delete out.packageManager;
  const builds = buildScriptPackages(text);
  if (edit.packageManager !== "npm") delete out.allowScripts;
  if (edit.packageManager === "bun" && builds.length > 0) out.trustedDependencies = builds;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The packages whose install scripts the template allows (npm's `allowScripts`, the template's source of truth). */
export function buildScriptPackages(packageJsonText: string): string[] {
  const allow = (JSON.parse(packageJsonText) as { allowScripts?: Record<string, unknown> }).allowScripts ?? {};
  return Object.entries(allow)
    .filter(([, allowed]) => allowed === true)
    .map(([name]) => name.replace(/(.)@.*$/, "$1"));
}

/**
 * pnpm ≥ 10 refuses to run build scripts that `allowBuilds` does not list (pnpm 12 fails the install), and
 * pnpm 12 reads `overrides` only from its workspace file, not from package.json.
 */
export function pnpmWorkspaceYaml(existing: string | undefined, builds: readonly string[], overrides: Readonly<Record<string, string>> = {}): string {
  let out = existing ?? "";
  if (!/^pmOnFail:/m.test(out)) out = appendBlock(out, PNPM_PIN_POLICY);
  if (builds.length > 0 && !/^allowBuilds:/m.test(out)) {
    out = appendBlock(out, `allowBuilds:\n${builds.map((b) => `  ${yamlKey(b)}: true`).join("\n")}\n`);
  }
  const pins = Object.entries(overrides);
  if (pins.length > 0 && !/^overrides:/m.test(out)) {
    out = appendBlock(out, `overrides:\n${pins.map(([name, version]) => `  ${yamlKey(name)}: ${yamlKey(version)}`).join("\n")}\n`);
  }
  return out;
}

/**
 * pnpm 12 treats package.json#packageManager as a config dependency and fetches its own build of that version on
 * every install; where a registry lacks one of its platform packages, the first install fails
 * (ERR_PNPM_BAD_CONFIG_DEP). The pnpm that created the project is the pinned one, so there is nothing to fetch.
 */
const PNPM_PIN_POLICY =
  "# Run the installed pnpm: fetching the packageManager version again fails where a registry lacks one of its builds.\npmOnFail: ignore\n";

/** npm's `overrides` with plain version strings: what pnpm needs repeated in its workspace file. */
export function versionOverrides(packageJsonText: string): Record<string, string> {
  const overrides = (JSON.parse(packageJsonText) as { overrides?: Record<string, unknown> }).overrides ?? {};
  return Object.fromEntries(Object.entries(overrides).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** yarn 2+ must use node_modules: drizzle-kit, wrangler and the Better Auth CLI do not run under Plug'n'Play. */
export function yarnrcYaml(existing: string | undefined): string {
  const base = existing ?? "";
  return /^nodeLinker:/m.test(base) ? base : appendBlock(base, "nodeLinker: node-modules\n");
}

/**
 * yarn 1 treats engines as hard errors, and the Better Auth CLI and wrangler (dev tools) declare Node ≥ 22 while
 * the apps run on Node 20.19+; npm, pnpm, bun and yarn berry only warn.
 */
export function yarnClassicRc(existing: string | undefined): string {
  const base = existing ?? "";
  if (/^ignore-engines /m.test(base)) return base;
  return appendBlock(base, "# Dev tools (the Better Auth CLI, wrangler) declare Node >= 22; the app itself runs on older Node too.\nignore-engines true\n");
}

/** A block at the end of a config file, on its own line. */
function appendBlock(existing: string, block: string): string {
  return existing === "" ? block : `${existing.replace(/\n*$/, "\n")}${block}`;
}

const ENV_HEADER = "# Written by create-authstack. Holds secrets: never commit or share this file.\n";

/** The env file from its example: `KEY=` lines named in `values` get the value; every other line stays as written. */
export function renderEnvFile(example: string, values: Readonly<Record<string, string>>): string {
  const written = new Set<string>();
  const lines = example.split("\n").map((line) => {
    // Every assignment of the key: with dotenv the last one wins, so a stale duplicate must not survive.
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    if (key === undefined || !Object.hasOwn(values, key)) return line;
    written.add(key);
    return `${key}=${envValue(values[key]!)}`;
  });
  const body = lines.join("\n").replace(/\n*$/, "\n");
  const missing = Object.entries(values)
    .filter(([key]) => !written.has(key))
    .map(([key, value]) => `${key}=${envValue(value)}\n`)
    .join("");
  return ENV_HEADER + body + missing;
}

export function replaceTokens(text: string, pairs: ReadonlyArray<readonly [token: string, value: string]>): string {
  return pairs.reduce((out, [token, value]) => out.split(token).join(value), text);
}

function envValue(value: string): string {
  return /^[\w@%+=:,./~?&-]*$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, "\\$1")}"`;
}

function yamlKey(key: string): string {
  return /^[\w.-]+$/.test(key) ? key : `'${key}'`;
}
