import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** Names of the tables in the database, sorted; SQLite's internal tables and drizzle's journal are left out. */
export function listTables(db: Database): string[] {
  const rows = db.all<{ name: string }>(
    sql`select name from sqlite_master
        where type = 'table' and substr(name, 1, 7) <> 'sqlite_' and name <> '__drizzle_migrations'
        order by name`,
  );
  return rows.map((row) => row.name);
}
