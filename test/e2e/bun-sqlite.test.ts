import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { expectPluginEndpoints, signUpAndIn, startDev } from "../support/app.js";
import { jsonLines, runCli } from "../support/cli.js";
import { expectAuthSchemaRegeneratesUnchanged } from "../support/auth-schema.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

const AUTH_TABLES = ["account", "apikey", "invitation", "jwks", "member", "organization", "rate_limit", "session", "user", "verification"];

// With every plugin: its own suite then runs the plugins' tests too, and the schema checks cover their tables.
describe("bun-sqlite with bun and every plugin", () => {
  const cwd = tempDir("authstack-e2e-bun-");
  const project = path.join(cwd, "bun-app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    created = await runCli(["bun-app", "--template", "bun-sqlite", "--plugins", "two-factor,passkey,magic-link,admin", "--pm", "bun", "--no-git", "--json"], { cwd, env: env() });
  });

  it("installs with bun and migrates the SQLite file, with exit 0", () => {
    expect(created.exitCode, created.all).toBe(0);
    expect(jsonLines(created.stdout).at(-1)).toMatchObject({ packageManager: "bun", installed: true, migrated: true, tables: { found: 12 } });
    expect(existsSync(path.join(project, "bun.lock"))).toBe(true);
    expect(existsSync(path.join(project, "package-lock.json"))).toBe(false);
  });

  it("holds the auth and app tables in data/app.db", async () => {
    expect(readdirSync(path.join(project, "data"))).toContain("app.db");
    const query = `import { Database } from "bun:sqlite"; const db = new Database("data/app.db", { readonly: true }); console.log(JSON.stringify(db.query("select name from sqlite_master where type = 'table'").all().map((r) => r.name)));`;
    const result = await run("bun", ["-e", query], project, env());
    expect(result.exitCode, result.all).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(expect.arrayContaining([...AUTH_TABLES, "two_factor", "passkey", "project", "task"]));
  });

  it("passes its own bun test", async () => {
    const result = await run("bun", ["test"], project, env());
    expect(result.exitCode, result.all).toBe(0);
  });

  it("regenerates the same auth schema with the Better Auth CLI", async () => {
    await expectAuthSchemaRegeneratesUnchanged(project, ["bun", "run", "auth:generate"], env());
  });

  it("finds no schema changes to generate", async () => {
    const result = await run("bun", ["run", "db:generate"], project, env());
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/No schema changes/i);
  });

  it("serves sign-up and sign-in with bun run dev", async () => {
    const app = await startDev(project, ["bun", "run", "dev"], env());
    try {
      await signUpAndIn(app.url);
      await expectPluginEndpoints(app.url, true);
    } finally {
      await app.stop();
    }
  });
});
