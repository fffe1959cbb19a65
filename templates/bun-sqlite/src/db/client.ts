import { Database as SQLite } from "bun:sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { drizzle, type BunSQLiteDatabase } from "drizzle-orm/bun-sqlite";
import * as schema from "./schema";

export type Database = BunSQLiteDatabase<typeof schema> & { $client: SQLite };

/**
 * Opens (creating if needed) a SQLite database and wraps it with drizzle. The app, the scripts and every test
 * build their database through this one function, so they all run with the same settings.
 */
export function createDatabase(file: string): Database {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // busy_timeout first, so switching to WAL waits for a concurrent writer instead of failing.
  // WAL lets readers run while one request writes; synchronous=NORMAL is the safe pairing for WAL.
  // SQLite only enforces foreign keys (our cascades) when asked to, per connection.
  sqlite.exec(
    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
  );
  return drizzle(sqlite, { schema });
}
