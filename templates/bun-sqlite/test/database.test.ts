import { afterEach, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableName, isTable } from "drizzle-orm";
import { createDatabase } from "../src/db/client";
import * as schema from "../src/db/schema";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "authstack-db-"));
  dirs.push(dir);
  return dir;
}

/** Runs a package script with `bun run` against DB_FILE=file; returns its exit code and output. */
async function script(name: string, file: string) {
  const run = Bun.spawn(["bun", "run", "--silent", name], {
    cwd: `${import.meta.dir}/..`,
    env: { ...process.env, DB_FILE: file },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(run.stdout).text(),
    new Response(run.stderr).text(),
    run.exited,
  ]);
  return { stdout, stderr, code };
}

// Every table the schema declares: the auth schema (with any plugins' tables) and the app's own.
const TABLES = Object.values(schema as Record<string, unknown>)
  .filter(isTable)
  .map((table) => getTableName(table))
  .sort();

test("connections use WAL, enforce foreign keys and wait on locks; the folder is created", () => {
  const file = join(tempDir(), "nested", "folder", "app.db");
  const db = createDatabase(file);
  try {
    expect(db.$client.query("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
    expect(db.$client.query("PRAGMA foreign_keys").get()).toEqual({ foreign_keys: 1 });
    expect(db.$client.query("PRAGMA busy_timeout").get()).toEqual({ timeout: 5000 });
  } finally {
    db.$client.close();
  }
});

test("db:migrate creates a fresh database, is a no-op the second time, and db:tables lists the tables", async () => {
  const file = join(tempDir(), "data", "app.db");

  expect(await script("db:tables", file)).toMatchObject({ code: 0, stdout: '{"tables":[]}\n' });

  const first = await script("db:migrate", file);
  expect(first.code).toBe(0);
  // Every migration in drizzle/: the initial one, and those written since (db:generate, create-authstack add).
  const journal = JSON.parse(readFileSync(`${import.meta.dir}/../drizzle/meta/_journal.json`, "utf8"));
  expect(first.stdout).toContain(`Applied ${journal.entries.length} migration(s)`);

  const second = await script("db:migrate", file);
  expect(second.code).toBe(0);
  expect(second.stdout).toContain("is up to date");

  const tables = await script("db:tables", file);
  expect(tables.code).toBe(0);
  expect(tables.stdout.trim().split("\n")).toHaveLength(1);
  expect(JSON.parse(tables.stdout)).toEqual({ tables: TABLES });
});
