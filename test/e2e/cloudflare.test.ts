import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { expectPluginEndpoints, signUpAndIn, startDev } from "../support/app.js";
import { jsonLines, runCli, userEnv } from "../support/cli.js";
import { freePort } from "../support/net.js";
import { expectAuthSchemaRegeneratesUnchanged } from "../support/auth-schema.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

const AUTH_TABLES = ["account", "apikey", "invitation", "jwks", "member", "organization", "rate_limit", "session", "user", "verification"];

// wrangler needs Node 22: the CLI and the project both run on the Node 22 fetched from the npm registry.
// With every plugin: its own suite then runs the plugins' tests too, and the schema checks cover their tables.
describe("cloudflare with npm on Node 22 and every plugin", () => {
  const cwd = tempDir("authstack-e2e-cf-");
  const project = path.join(cwd, "edge-app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    created = await runCli(["edge-app", "--template", "cloudflare", "--plugins", "two-factor,passkey,magic-link,admin", "--pm", "npm", "--no-git", "--json"], { cwd, env: env(), node: inject("tools").node22 });
  });

  it("installs and applies the migration to the local D1, with exit 0", () => {
    expect(created.exitCode, created.all).toBe(0);
    expect(jsonLines(created.stdout).at(-1)).toMatchObject({ installed: true, migrated: true, tables: { found: 12 }, envFiles: [".dev.vars"] });
    expect(readFileSync(path.join(project, "wrangler.jsonc"), "utf8")).toContain('"name": "edge-app"');
  });

  it("holds the auth and app tables in the local D1", async () => {
    const result = await run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--json", "--command", "select name from sqlite_master where type = 'table'"], project, env());
    expect(result.exitCode, result.all).toBe(0);
    const [first] = JSON.parse(result.stdout) as Array<{ results: Array<{ name: string }> }>;
    expect(first!.results.map((r) => r.name)).toEqual(expect.arrayContaining([...AUTH_TABLES, "two_factor", "passkey", "project", "task"]));
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
      await expectPluginEndpoints(app.url, true);
    } finally {
      await app.stop();
    }
  });

  it("runs as production on its existing local D1 when ENVIRONMENT says so: no dev tools, shared limits in D1", async () => {
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    const worker = execa("npx", ["wrangler", "dev", "--ip", "127.0.0.1", "--port", String(port), "--var", "ENVIRONMENT:production", "--var", `BETTER_AUTH_URL:${origin}`], {
      cwd: project,
      env: userEnv(env()),
      extendEnv: false,
      reject: false,
      all: true,
      stdin: "ignore",
      detached: true,
    });
    let output = "";
    worker.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 90_000;
      while (!(await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) {
        if (Date.now() > deadline) throw new Error(`wrangler dev did not answer:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect((await fetch(`${base}/api/dev/mail`)).status).toBe(404);
      const page = await fetch(`${base}/sign-in`);
      expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await (await fetch(`${base}/api/ready`)).json()).toEqual({ ok: true });

      const email = `limited-${Date.now()}@example.com`;
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const reply = await fetch(`${base}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, "x-forwarded-for": `203.0.113.${i}` },
          body: JSON.stringify({ email, password: "not the password" }),
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const rows = await run("npx", ["wrangler", "d1", "execute", "DB", "--local", "--json", "--command", "select key, count from rate_limit where key like '%/sign-in/email'"], project, env());
      const [first] = JSON.parse(rows.stdout) as Array<{ results: Array<{ key: string; count: number }> }>;
      expect(first!.results).toEqual([expect.objectContaining({ count: 3 })]);
    } finally {
      process.kill(-worker.pid!, "SIGTERM"); // npx, wrangler and workerd: the whole group
      await worker;
    }
  });
});
