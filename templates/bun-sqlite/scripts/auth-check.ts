// auth:check — exit 0 when src/db/auth.schema.ts is what the Better Auth CLI generates from src/auth.ts, drizzle/
// has a migration for every schema change, and the database file (DB_FILE) has all of them applied; else exit 1
// with the fixes. Run by Bun (it reads the database with bun:sqlite); the Better Auth CLI still runs on Node.
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { drizzleAppliedTags, runAuthChecks } from "./lib/auth-check.mjs";
import { databaseFile } from "../src/env";

const root = fileURLToPath(new URL("..", import.meta.url));

process.exitCode = await runAuthChecks({
  root,
  packageManager: "bun",
  migrate: "db:migrate",
  applied: async () => ({ where: databaseFile(), applied: drizzleAppliedTags(root, recordedMigrations(databaseFile())) }),
});

// drizzle's migrator (src/db/migrate.ts) records each migration it applies, by its journal `when`, in this table.
// Read-only, and a file that does not exist yet is not created: it has nothing applied.
function recordedMigrations(file: string): number[] {
  if (file !== ":memory:" && !existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    const table = db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!table) return [];
    return db.query<{ created_at: number }, []>("SELECT created_at FROM __drizzle_migrations").all().map((row) => row.created_at);
  } finally {
    db.close();
  }
}
