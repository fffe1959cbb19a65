// Applies the SQL migrations in drizzle/ (what `npm run db:migrate` and the tests run). Used from
// code rather than `drizzle-kit migrate` so it needs no dev tooling and can run at deploy time.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

// Same relative place from src/db/ and from the build output dist/db/.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

// Any constant of this app's own: the key of the advisory lock that serializes migrations.
const MIGRATION_LOCK = 7_361_029_118;

type Journal = { entries: { tag: string; when: number }[] };

export async function migrateDatabase(connectionString: string): Promise<{ applied: string[] }> {
  const journal = JSON.parse(
    await readFile(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8"),
  ) as Journal;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Two instances starting at once (each migrating before it serves) take turns: the second finds
    // nothing left to do instead of creating the same tables. Released with the connection.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const before = await lastAppliedAt(client);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    // drizzle applies every migration newer than the last one recorded; report the same set.
    return { applied: journal.entries.filter((entry) => entry.when > before).map((entry) => entry.tag) };
  } finally {
    await client.end();
  }
}

async function lastAppliedAt(client: pg.Client): Promise<number> {
  const table = await client.query<{ exists: boolean }>(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists",
  );
  if (!table.rows[0]?.exists) return -1;
  const result = await client.query<{ last: string | null }>(
    "SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations",
  );
  return Number(result.rows[0]?.last ?? -1);
}
