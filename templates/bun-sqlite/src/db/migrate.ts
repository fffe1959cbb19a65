import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/bun-sqlite/migrator";
import type { Database } from "./client";

/** The migrations drizzle-kit writes (`db:generate`), found from this file so any working directory works. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

// drizzle's own bookkeeping table: one row per applied migration.
const JOURNAL_TABLE = "__drizzle_migrations";

function appliedCount(db: Database): number {
  // db.all, not db.get: with bun:sqlite, drizzle's raw db.get returns a row as an array.
  const [journal] = db.all<{ n: number }>(
    sql`select count(*) as n from sqlite_master where type = 'table' and name = ${JOURNAL_TABLE}`,
  );
  if (!journal?.n) return 0;
  const [applied] = db.all<{ n: number }>(sql`select count(*) as n from ${sql.identifier(JOURNAL_TABLE)}`);
  return applied?.n ?? 0;
}

/** Applies the pending migrations in one transaction; returns how many were new and how many are applied in all. */
export function migrateDatabase(db: Database): { applied: number; total: number } {
  const before = appliedCount(db);
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, migrationsTable: JOURNAL_TABLE });
  const total = appliedCount(db);
  return { applied: total - before, total };
}
