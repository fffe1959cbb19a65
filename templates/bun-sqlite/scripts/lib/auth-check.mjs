// The three checks of auth:check, the same in every template; the template's scripts/auth-check.* says which
// database to ask and how. Nothing here writes into the project: the schema and the migrations are generated into a
// temporary folder and compared there.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

const SCHEMA = "src/db/auth.schema.ts";
const JOURNAL = "drizzle/meta/_journal.json";
// auth:generate and drizzle-kit are plain Node programs; under `bun run` without Node.js, `node` is Bun itself.
const NODE = process.versions.bun ? "node" : process.execPath;

/**
 * @typedef {{ ok: boolean, title: string, detail?: string, fix?: string }} Check
 * @typedef {{ where: string, applied: string[] }} AppliedMigrations the tags of drizzle/ found applied in a database
 */

/**
 * Runs the three checks, prints one line per check (and what fixes each failed one), and returns the exit code.
 *
 * @param {{ root: string, packageManager: string, migrate: string, applied: () => Promise<AppliedMigrations> }} options
 *   packageManager: the one to name in fixes when no package manager ran us; migrate: the script that applies them
 * @returns {Promise<number>}
 */
export async function runAuthChecks({ root, packageManager, migrate, applied }) {
  const run = (/** @type {string} */ script) => `${runningPackageManager() ?? packageManager} run ${script}`;
  const checks = await Promise.all([
    checkAuthSchema(root, run),
    checkMigrationsWritten(root, run),
    checkMigrationsApplied(root, applied, run(migrate)),
  ]);
  for (const check of checks) {
    console.log(`${check.ok ? "ok  " : "FAIL"} ${check.title}`);
    if (check.detail) console.log(check.detail.replace(/^/gm, "     "));
  }
  const fixes = checks.flatMap((check) => (check.ok || !check.fix ? [] : [check.fix]));
  if (checks.every((check) => check.ok)) {
    console.log("\nauth:check passed: the auth schema, the migrations and the database agree with src/auth.ts.");
    return 0;
  }
  console.log(
    fixes.length === 0
      ? "\nauth:check could not finish (see above)."
      : // Each fix changes what the next one sees: a new auth schema needs a new migration, which needs applying.
        `\nauth:check failed. Fix it with:\n${fixes.map((fix) => `  ${fix}`).join("\n")}\nthen run auth:check again.`,
  );
  return 1;
}

/** `npm`, `pnpm`, `yarn` or `bun` when one of them runs this script (they all say so in npm_config_user_agent). */
function runningPackageManager() {
  const name = process.env.npm_config_user_agent?.split("/")[0];
  return name && ["npm", "pnpm", "yarn", "bun"].includes(name) ? name : undefined;
}

/**
 * a. src/db/auth.schema.ts is what the Better Auth CLI generates from src/auth.ts now.
 * @param {string} root @param {(script: string) => string} run @returns {Promise<Check>}
 */
async function checkAuthSchema(root, run) {
  const dir = mkdtempSync(join(tmpdir(), "auth-check-"));
  try {
    const output = join(dir, "auth.schema.ts");
    const result = await capture(NODE, ["scripts/auth-generate.mjs", "--output", output], root);
    if (result.code !== 0 || !existsSync(output)) {
      return { ok: false, title: "Could not run the Better Auth CLI to compare the auth schema:", detail: result.output.trim() };
    }
    if (readFileSync(output, "utf8") === readFileSync(join(root, SCHEMA), "utf8")) {
      return { ok: true, title: `${SCHEMA} is what the Better Auth CLI generates from src/auth.ts.` };
    }
    return {
      ok: false,
      title: `${SCHEMA} is out of date: the Better Auth CLI generates a different schema from src/auth.ts (a plugin or option changed, or better-auth was upgraded).`,
      fix: `${run("auth:generate")}   # rewrites ${SCHEMA}; review the diff`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * b. drizzle-kit, run with the project's config but writing into a copy of drizzle/, finds nothing to migrate.
 * @param {string} root @param {(script: string) => string} run @returns {Promise<Check>}
 */
async function checkMigrationsWritten(root, run) {
  const dir = mkdtempSync(join(tmpdir(), "auth-check-"));
  try {
    const out = join(dir, "drizzle");
    cpSync(join(root, "drizzle"), out, { recursive: true });
    const config = join(dir, "drizzle.config.ts");
    // drizzle-kit reads `out` relative to the working folder, even an absolute one.
    const outFromRoot = relative(root, out).split(sep).join("/");
    writeFileSync(
      config,
      `import config from ${JSON.stringify(join(root, "drizzle.config.ts"))};\nexport default { ...config, out: ${JSON.stringify(outFromRoot)} };\n`,
    );
    const migrations = () => readdirSync(out).filter((name) => name.endsWith(".sql"));
    const before = migrations();
    const result = await capture(NODE, [join(root, "node_modules", "drizzle-kit", "bin.cjs"), "generate", `--config=${config}`], root);
    const [written] = migrations().filter((name) => !before.includes(name));
    // drizzle-kit exits 0 even when it fails (a bad config, a question it cannot ask without a terminal, such as
    // whether a column was renamed): only its "No schema changes" or a new file is an answer.
    if (result.code !== 0 || (!written && !/No schema changes/i.test(result.output))) {
      return {
        ok: false,
        title: "drizzle-kit could not compare src/db/schema.ts with the migrations in drizzle/:",
        detail: result.output.trim().split("\n").slice(-12).join("\n"),
        fix: `${run("db:generate")}   # answers drizzle-kit's questions in a terminal`,
      };
    }
    if (!written) return { ok: true, title: "drizzle/ has a migration for every change of src/db/schema.ts." };
    const sql = readFileSync(join(out, written), "utf8").split("\n").slice(0, 8).join("\n");
    return {
      ok: false,
      title: "drizzle/ lacks a migration: src/db/schema.ts has changes no migration makes. drizzle-kit would write:",
      detail: sql,
      fix: `${run("db:generate")}   # writes the next migration into drizzle/`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * c. every migration of drizzle/meta/_journal.json is applied to the database.
 * @param {string} root @param {() => Promise<AppliedMigrations>} applied @param {string} fix @returns {Promise<Check>}
 */
async function checkMigrationsApplied(root, applied, fix) {
  /** @type {{ entries: { tag: string }[] }} */
  const journal = JSON.parse(readFileSync(join(root, JOURNAL), "utf8"));
  let found;
  try {
    found = await applied();
  } catch (error) {
    return { ok: false, title: "Could not read which migrations the database has applied:", detail: error instanceof Error ? error.message : String(error) };
  }
  const missing = journal.entries.map((entry) => entry.tag).filter((tag) => !found.applied.includes(tag));
  if (missing.length === 0) return { ok: true, title: `${found.where} has every migration of drizzle/ applied (${journal.entries.length}).` };
  return {
    ok: false,
    title: `${found.where} lacks ${missing.length} of the ${journal.entries.length} migrations in drizzle/: ${missing.join(", ")}.`,
    fix: `${fix}   # applies them`,
  };
}

/**
 * The tags of the journal's migrations that drizzle's migrator recorded: it keeps each one's `when` as created_at.
 * @param {string} root @param {Iterable<number | string>} createdAt @returns {string[]}
 */
export function drizzleAppliedTags(root, createdAt) {
  const recorded = new Set([...createdAt].map(Number));
  /** @type {{ entries: { tag: string, when: number }[] }} */
  const journal = JSON.parse(readFileSync(join(root, JOURNAL), "utf8"));
  return journal.entries.filter((entry) => recorded.has(entry.when)).map((entry) => entry.tag);
}

/**
 * @param {string} command @param {string[]} args @param {string} cwd
 * @returns {Promise<{ code: number, output: string }>}
 */
function capture(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ code: 1, output: `Could not run ${command}: ${error.message}` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
