// `npm run auth:check [-- --remote]`: exit 0 when src/db/auth.schema.ts is what the Better Auth CLI generates from
// src/auth.ts, drizzle/ has a migration for every schema change, and the local D1 database (with --remote, the
// deployed one) has all of them applied; else exit 1 with the fixes.
import { fileURLToPath } from "node:url";
import { runAuthChecks } from "./lib/auth-check.mjs";
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

const remote = process.argv.includes("--remote");
const where = remote ? "The remote D1 database" : "The local D1 database (.wrangler/state)";

process.exitCode = await runAuthChecks({
  root: fileURLToPath(new URL("..", import.meta.url)),
  packageManager: "npm",
  migrate: remote ? "db:deploy" : "db:migrate",
  applied: async () => ({ where, applied: (await recordedMigrations()).map((name) => name.replace(/\.sql$/, "")) }),
});

// Wrangler records each migration it applies, by file name, in d1_migrations (made by its first `apply`).
async function recordedMigrations() {
  const table = await query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'");
  return table.length === 0 ? [] : await query("SELECT name FROM d1_migrations");
}

/** @param {string} sql @returns {Promise<string[]>} the `name` column of every row */
async function query(sql) {
  const { code, stdout } = await runNode(WRANGLER_BIN, ["d1", "execute", "DB", remote ? "--remote" : "--local", "--json", "--command", sql], {
    capture: true,
    interactive: false,
  });
  if (code !== 0) throw new Error(`wrangler d1 execute DB ${remote ? "--remote" : "--local"} failed (exit ${code}):\n${stdout.trim()}`);
  /** @type {{ results: { name: string }[] }[]} */
  const batches = JSON.parse(stdout);
  return batches.flatMap((batch) => batch.results.map((row) => row.name));
}
