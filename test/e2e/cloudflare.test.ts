import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signUpAndIn, startDev } from "../support/app.js";
import { jsonLines, runCli } from "../support/cli.js";
import { expectAuthSchemaRegeneratesUnchanged } from "../support/auth-schema.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

const AUTH_TABLES = ["account", "apikey", "invitation", "jwks", "member", "organization", "session", "user", "verification"];

// wrangler needs Node 22: the CLI and the project both run on the Node 22 fetched from the npm registry.
describe("cloudflare with npm on Node 22", () => {
  const cwd = tempDir("authstack-e2e-cf-");
  const project = path.join(cwd, "edge-app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    created = await runCli(["edge-app", "--template", "cloudflare", "--pm", "npm", "--no-git", "--json"], { cwd, env: env(), node: inject("tools").node22 });
  });

  it("installs and applies the migration to the local D1, with exit 0", () => {
    expect(created.exitCode, created.all).toBe(0);
    expect(jsonLines(created.stdout).at(-1)).toMatchObject({ installed: true, migrated: true, tables: { found: 9 }, envFiles: [".dev.vars"] });
    expect(readFileSync(path.join(project, "wrangler.jsonc"), "utf8")).toContain('"name": "edge-app"');
  });

  it("holds the auth and app tables in the local D1", async () => {
    const result = await run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--json", "--command", "select name from sqlite_master where type = 'table'"], project, env());
    expect(result.exitCode, result.all).toBe(0);
    const [first] = JSON.parse(result.stdout) as Array<{ results: Array<{ name: string }> }>;
    expect(first!.results.map((r) => r.name)).toEqual(expect.arrayContaining([...AUTH_TABLES, "project", "task"]));
  });

  it("passes its own tests inside workerd", async () => {
    const result = await run("npm", ["test"], project, env());
    expect(result.exitCode, result.all).toBe(0);
  });

  it("regenerates the same auth schema with the Better Auth CLI", async () => {
    await expectAuthSchemaRegeneratesUnchanged(project, ["npm", "run", "auth:generate"], env());
  });

  it("finds no schema changes to generate, and never drops d1_migrations", async () => {
    const result = await run("npm", ["run", "db:generate"], project, env());
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/No schema changes/i);
    const sql = readdirSync(path.join(project, "drizzle")).filter((f) => f.endsWith(".sql"));
    expect(sql).toEqual(["0000_init.sql"]);
    expect(readFileSync(path.join(project, "drizzle/0000_init.sql"), "utf8")).not.toMatch(/d1_migrations/);
  });

  it("serves sign-up and sign-in with npm run dev", async () => {
    const app = await startDev(project, ["npm", "run", "dev"], env());
    try {
      await signUpAndIn(app.url);
    } finally {
      await app.stop();
    }
  });
});
