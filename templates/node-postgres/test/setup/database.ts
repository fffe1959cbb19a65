// Before each test file: a new database on the server, migrated with the shipped migrations, and
// DATABASE_URL pointed at it before the file imports the app. Dropped after the file, so files
// never see each other's rows and can run in parallel.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { migrateDatabase } from "../../src/db/migrate.ts";

const serverUrl = inject("serverUrl");
const name = `authstack_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const testUrl = new URL(serverUrl);
testUrl.pathname = `/${name}`;

await admin(`CREATE DATABASE "${name}"`);
await migrateDatabase(testUrl.toString());
process.env.DATABASE_URL = testUrl.toString();

afterAll(async () => {
  // Same module instance the test file used: close its pool before dropping the database.
  const { pool } = await import("../../src/db/index.ts");
  if (!pool.ended) await pool.end();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
