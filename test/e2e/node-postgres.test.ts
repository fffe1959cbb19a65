import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectPluginEndpoints, signUpAndIn, startDev } from "../support/app.js";
import { jsonLines, runCli } from "../support/cli.js";
import { expectAuthSchemaRegeneratesUnchanged } from "../support/auth-schema.js";
import { startPostgres15 } from "../support/postgres.js";
import { tempDir } from "../support/temp.js";
import { run } from "../support/run.js";

// The machine's own git identity may be missing on a fresh machine; the first commit needs one.
const GIT_IDENTITY = { GIT_AUTHOR_NAME: "E2E", GIT_AUTHOR_EMAIL: "e2e@example.com", GIT_COMMITTER_NAME: "E2E", GIT_COMMITTER_EMAIL: "e2e@example.com" };
const AUTH_TABLES = ["account", "apikey", "invitation", "jwks", "member", "organization", "rate_limit", "session", "user", "verification"];

function tablesIn(url: string): string[] {
  const out = execFileSync("psql", [url, "-At", "-c", "select tablename from pg_tables where schemaname = 'public' order by 1"], { encoding: "utf8" });
  return out.trim().split("\n");
}

// With every plugin: its own suite then runs the plugins' tests too, and the schema checks cover their tables.
describe("node-postgres with every plugin, against a PostgreSQL 15 given by --database-url", () => {
  const cwd = tempDir("authstack-e2e-pg-");
  const project = path.join(cwd, "pg-app");
  let pg: Awaited<ReturnType<typeof startPostgres15>>;
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    pg = await startPostgres15();
    created = await runCli(["pg-app", "--template", "node-postgres", "--plugins", "two-factor,passkey,magic-link,admin", "--pm", "npm", "--database-url", pg.url, "--no-git", "--json"], { cwd });
  });
  afterAll(() => pg?.stop());

  it("installs and migrates that server, with exit 0", () => {
    expect(created.exitCode, created.all).toBe(0);
    expect(jsonLines(created.stdout).at(-1)).toMatchObject({ installed: true, migrated: true, tables: { found: 12, expected: 12, missing: [] } });
    expect(readFileSync(path.join(project, ".env"), "utf8")).toContain(`DATABASE_URL=${pg.url}`);
  });

  it("created the 12 auth tables and the app tables, and started no local server", () => {
    expect(tablesIn(pg.url)).toEqual(expect.arrayContaining([...AUTH_TABLES, "two_factor", "passkey", "project", "task"]));
    expect(() => execFileSync("ls", [path.join(project, ".data")])).toThrow();
  });

  it("passes its own tests against that server", async () => {
    const result = await run("npm", ["test"], project);
    expect(result.exitCode, result.all).toBe(0);
  });

  it("finds no schema changes to generate", async () => {
    const result = await run("npm", ["run", "db:generate"], project);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/No schema changes/i);
  });

  it("regenerates the same auth schema with the Better Auth CLI (on Node 22)", async () => {
    await expectAuthSchemaRegeneratesUnchanged(project, ["npm", "run", "auth:generate"], { PATH: `${inject("tools").bin}:${process.env.PATH}` });
  });

  it("serves sign-up and sign-in with npm run dev", async () => {
    const app = await startDev(project, ["npm", "run", "dev"]);
    try {
      await signUpAndIn(app.url);
      await signUpAndIn(app.url.replace("127.0.0.1", "localhost"), app.url.replace("127.0.0.1", "localhost"));
      await expectPluginEndpoints(app.url, true);
    } finally {
      await app.stop();
    }
  });
});

describe("node-postgres with zero setup: the README's first command", () => {
  const cwd = tempDir("authstack-e2e-local-");
  const project = path.join(cwd, "authstack-app");
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    created = await runCli(["--yes"], { cwd, env: { CI: "true", ...GIT_IDENTITY } });
  });

  it("creates authstack-app with every default, installed, migrated and committed", () => {
    expect(created.exitCode, created.all).toBe(0);
    expect(JSON.parse(readFileSync(path.join(project, "authstack.json"), "utf8"))).toMatchObject({ template: "node-postgres", plugins: [] });
    expect(created.stdout).toContain("Migrated the database: 10 of 10 auth tables exist");
    expect(created.stdout).toContain("Created a git repository with a first commit");
    expect(execFileSync("git", ["log", "--format=%s"], { cwd: project, encoding: "utf8" })).toBe("Initial commit from create-authstack\n");
    expect(execFileSync("git", ["ls-files", ".env"], { cwd: project, encoding: "utf8" })).toBe("");
  });

  it("lists the tables in its local server", async () => {
    const result = await run("npm", ["run", "db:tables"], project);
    expect(result.exitCode, result.all).toBe(0);
    const line = result.stdout.split("\n").find((l) => l.startsWith('{"tables"'))!;
    expect(JSON.parse(line).tables).toEqual(expect.arrayContaining([...AUTH_TABLES, "project", "task"]));
  });

  it("passes its own tests", async () => {
    const result = await run("npm", ["test"], project);
    expect(result.exitCode, result.all).toBe(0);
  });

  it("serves sign-up and sign-in with npm run dev, and none of the plugins it was not made with", async () => {
    const app = await startDev(project, ["npm", "run", "dev"]);
    try {
      await signUpAndIn(app.url);
      await expectPluginEndpoints(app.url, false);
    } finally {
      await app.stop();
    }
  });
});
