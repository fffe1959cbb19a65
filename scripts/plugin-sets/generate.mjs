// Every set of plugins of a template, generated with the real tools: src/auth.ts with the plugins added by the editor
// `add` uses too (src/plugins/edit-source.mjs), src/db/auth.schema.ts from the Better Auth CLI (the template's own
// `auth:generate`, on Node >= 22.12), and the initial migration from drizzle-kit (`db:generate`).
// What the CLI writes for `--plugins` is what this produced.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { addPluginPages, addPlugins } from "../../src/plugins/edit-source.mjs";
import { pluginSets, setKey } from "../../src/plugins/specs.mjs";

/** The files a set replaces in the template, by their path in the project. */
export const SET_FILES = ["src/auth.ts", "src/pages/plugins.ts", "src/db/auth.schema.ts", "drizzle/0000_init.sql", "drizzle/meta/0000_snapshot.json"];
export const SETS_DIR = "plugins/sets";
export const FILES_DIR = "plugins/files";

/**
 * Installs the template once in `work` (with every plugin's dependencies), then generates each set there.
 * Returns, per set key, the files of SET_FILES; the empty set ("") is the template itself, regenerated.
 */
export function generateSets(templateDir, { work, node, sets = pluginSets(), log = () => {} }) {
  const meta = JSON.parse(readFileSync(path.join(templateDir, "template.json"), "utf8"));
  const offered = meta.plugins ?? {};
  rmSync(work, { recursive: true, force: true });
  cpSync(templateDir, work, { recursive: true, filter: (src) => !/[/\\](node_modules|plugins)$/.test(src) || src === templateDir });
  const pkgFile = path.join(work, "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  for (const plugin of Object.values(offered)) Object.assign((pkg.dependencies ??= {}), plugin.dependencies);
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  log(`${path.basename(templateDir)}: npm install`);
  const quiet = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
  execFileSync("npm", ["install", "--no-package-lock"], { cwd: work, env: quiet, stdio: ["ignore", "pipe", "pipe"] });

  const base = Object.fromEntries(SET_FILES.map((file) => [file, readFileSync(path.join(work, file), "utf8")]));
  const baseSnapshot = JSON.parse(base["drizzle/meta/0000_snapshot.json"]);
  const baseJournal = readFileSync(path.join(work, "drizzle/meta/_journal.json"), "utf8");
  // The Better Auth CLI runs on Node >= 22.12 (the template's script says so); drizzle-kit on that Node too.
  const env = { ...quiet, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, NODE_ENV: "development" };
  const results = {};
  for (const ids of sets) {
    const key = setKey(ids);
    log(`${path.basename(templateDir)}: ${key || "(no plugins)"}`);
    for (const id of ids) {
      const overlay = path.join(templateDir, FILES_DIR, id);
      if (existsSync(overlay)) cpSync(overlay, work, { recursive: true });
    }
    writeFileSync(path.join(work, "src/auth.ts"), addPlugins(base["src/auth.ts"], ids));
    writeFileSync(path.join(work, "src/pages/plugins.ts"), addPluginPages(base["src/pages/plugins.ts"], ids));
    execFileSync(node, ["scripts/auth-generate.mjs"], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    rmSync(path.join(work, "drizzle"), { recursive: true, force: true });
    execFileSync(node, ["node_modules/drizzle-kit/bin.cjs", "generate", "--name", "init"], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    const journal = readFileSync(path.join(work, "drizzle/meta/_journal.json"), "utf8");
    if (normalizedJournal(journal) !== normalizedJournal(baseJournal)) {
      throw new Error(`${key}: drizzle-kit wrote a journal unlike the template's:\n${journal}`);
    }
    const snapshot = JSON.parse(readFileSync(path.join(work, "drizzle/meta/0000_snapshot.json"), "utf8"));
    // drizzle-kit gives each snapshot a random id; every set keeps the template's, so the journal stays the same.
    snapshot.id = baseSnapshot.id;
    results[key] = {
      "src/auth.ts": readFileSync(path.join(work, "src/auth.ts"), "utf8"),
      "src/pages/plugins.ts": readFileSync(path.join(work, "src/pages/plugins.ts"), "utf8"),
      "src/db/auth.schema.ts": readFileSync(path.join(work, "src/db/auth.schema.ts"), "utf8"),
      "drizzle/0000_init.sql": readFileSync(path.join(work, "drizzle/0000_init.sql"), "utf8"),
      "drizzle/meta/0000_snapshot.json": JSON.stringify(snapshot, null, 2),
    };
    // The next set starts from the template again.
    for (const id of ids) removeOverlay(path.join(templateDir, FILES_DIR, id), work);
    for (const file of SET_FILES) writeFileSync(path.join(work, file), base[file]);
    writeFileSync(path.join(work, "drizzle/meta/_journal.json"), baseJournal);
  }
  return results;
}

/** The stored files of one set (or, for "", the template's own). */
export function storedSet(templateDir, key) {
  const dir = key === "" ? templateDir : path.join(templateDir, SETS_DIR, key);
  return Object.fromEntries(SET_FILES.map((file) => [file, existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), "utf8") : undefined]));
}

export function writeSet(templateDir, key, files) {
  const dir = path.join(templateDir, SETS_DIR, key);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

function removeOverlay(overlay, work) {
  if (!existsSync(overlay)) return;
  for (const entry of readdirSync(overlay, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) rmSync(path.join(work, path.relative(overlay, path.join(entry.parentPath, entry.name))));
  }
}

const normalizedJournal = (text) => text.replace(/"when": \d+/g, '"when": 0');
