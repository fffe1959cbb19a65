import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "../../src/db/client";
import { migrateDatabase } from "../../src/db/migrate";

export type TestDatabase = { db: Database; file: string; dispose: () => void };

/** A new SQLite file in its own temp folder, migrated with the shipped drizzle/ SQL, like a fresh checkout. */
export function freshDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "authstack-test-"));
  const file = join(dir, "app.db");
  const db = createDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    dispose: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
