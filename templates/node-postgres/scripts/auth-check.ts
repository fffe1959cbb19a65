// npm run auth:check: exit 0 when src/db/auth.schema.ts is what the Better Auth CLI generates from src/auth.ts,
// drizzle/ has a migration for every schema change, and the database db:migrate uses (DATABASE_URL, or the local
// server, started for the check when it is not running) has all of them applied; else exit 1 with the fixes.
import { fileURLToPath } from "node:url";
import pg from "pg";
import { drizzleAppliedTags, runAuthChecks } from "./lib/auth-check.mjs";
import { configuredDatabaseUrl, withDatabase } from "./lib/database.ts";
import { main, redact } from "./lib/main.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

main(async () => {
  process.exitCode = await runAuthChecks({
    root,
    packageManager: "npm",
    migrate: "db:migrate",
    applied: () =>
      withDatabase(async (url) => ({
        where: configuredDatabaseUrl() ? redact(url) : "The local PostgreSQL (.data/postgres)",
        applied: drizzleAppliedTags(root, await recordedMigrations(url)),
      })),
  });
});

// drizzle's migrator (src/db/migrate.ts) records each migration it applies, by its journal `when`, in this table.
async function recordedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ exists: boolean }>("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists");
    if (!table.rows[0]?.exists) return [];
    const rows = await client.query<{ created_at: string }>("SELECT created_at::text FROM drizzle.__drizzle_migrations");
    return rows.rows.map((row) => row.created_at);
  } finally {
    await client.end();
  }
}
