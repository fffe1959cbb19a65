// auth:check on real projects: it passes as created, and names the schema, a missing migration and an unapplied one
// (with the command that fixes each) after edits a user makes by hand. node-postgres on its zero-setup local server,
// and bun-sqlite run by Bun, with their own package managers.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

const TEMPLATES = [
  { template: "node-postgres", pm: "npm" },
  { template: "bun-sqlite", pm: "bun" },
] as const;

/** A Node older than the Better Auth CLI's 22.12, which the templates still support: this one, or the machine's. */
function oldNode(): string | undefined {
  return [process.execPath, "/usr/bin/node"].find((node) => {
    try {
      const [major = 0, minor = 0] = execFileSync(node, ["-p", "process.versions.node"], { encoding: "utf8" }).trim().split(".").map(Number);
      return major < 22 || (major === 22 && minor < 12);
    } catch {
      return false;
    }
  });
}

describe.each(TEMPLATES)("auth:check on $template ($pm)", ({ template, pm }) => {
  const cwd = tempDir(`authstack-e2e-check-${template}-`);
  const project = path.join(cwd, "app");
  const file = (rel: string) => path.join(project, rel);
  // Node 22 first on PATH (the app's tools); the package cache of this run, which the user environment leaves out.
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}`, npm_config_cache: process.env.npm_config_cache });
  const check = (extra: Record<string, string> = {}) => run(pm, ["run", "auth:check"], project, { ...env(), ...extra });
  const drizzleFiles = () => readdirSync(file("drizzle"), { recursive: true }).map(String).sort();

  beforeAll(async () => {
    const created = await runCli(["app", "--template", template, "--pm", pm, "--no-git", "--json"], { cwd, env: env() });
    expect(created.exitCode, created.all).toBe(0);
  });

  it("passes on the project as created", async () => {
    const result = await check();
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain("auth:check passed");
  });

  it("names the auth schema, and auth:generate, when a plugin is added to src/auth.ts by hand", async () => {
    const auth = readFileSync(file("src/auth.ts"), "utf8");
    const schema = readFileSync(file("src/db/auth.schema.ts"), "utf8");
    const edited = auth
      .replace('import { betterAuth } from "better-auth";', 'import { betterAuth } from "better-auth";\nimport { username } from "better-auth/plugins";')
      .replace(/^( *)plugins: \[\n/m, "$1plugins: [\n$1  username(),\n");
    expect(edited).toContain("username(),");
    writeFileSync(file("src/auth.ts"), edited);
    try {
      const result = await check();
      expect(result.exitCode, result.all).toBe(1);
      expect(result.all).toMatch(/FAIL src\/db\/auth\.schema\.ts is out of date/);
      expect(result.all).toContain(`${pm} run auth:generate`);
      expect(result.all).not.toMatch(/FAIL .*(drizzle\/|migrations)/);
      // It compared a generated copy: the project's schema is untouched.
      expect(readFileSync(file("src/db/auth.schema.ts"), "utf8")).toBe(schema);
    } finally {
      writeFileSync(file("src/auth.ts"), auth);
    }
  });

  it("names the missing migration, then the unapplied one, until db:generate and db:migrate fix them", async () => {
    const table = file("src/db/tables/projects.table.ts");
    const source = readFileSync(table, "utf8");
    expect(source).toContain('    description: text("description"),\n');
    writeFileSync(table, source.replace('    description: text("description"),\n', '    description: text("description"),\n    dueLabel: text("due_label"),\n'));
    const before = drizzleFiles();

    const unwritten = await check();
    expect(unwritten.exitCode, unwritten.all).toBe(1);
    expect(unwritten.all).toMatch(/FAIL drizzle\/ lacks a migration/);
    expect(unwritten.all).toMatch(/ADD (COLUMN )?.due_label./);
    expect(unwritten.all).toContain(`${pm} run db:generate`);
    // drizzle-kit wrote into a copy: drizzle/ is as it was.
    expect(drizzleFiles()).toEqual(before);

    const generated = await run(pm, ["run", "db:generate"], project, env());
    expect(generated.exitCode, generated.all).toBe(0);
    const unapplied = await check();
    expect(unapplied.exitCode, unapplied.all).toBe(1);
    expect(unapplied.all).toMatch(/FAIL .* lacks 1 of the 2 migrations in drizzle\/: 0001_\w+\./);
    expect(unapplied.all).toContain(`${pm} run db:migrate`);
    expect(unapplied.all).toMatch(/ok {3}drizzle\/ has a migration for every change/);

    const migrated = await run(pm, ["run", "db:migrate"], project, env());
    expect(migrated.exitCode, migrated.all).toBe(0);
    const fixed = await check();
    expect(fixed.exitCode, fixed.all).toBe(0);
  });

  // The templates support Node 20.19; the Better Auth CLI needs 22.12 and comes on a Node 22 from npx there.
  // (bun-sqlite's auth:check runs on Bun and starts the same auth-generate.mjs: node-postgres covers it.)
  const node = oldNode();
  if (template === "node-postgres") {
    it.skipIf(!node)(`works on a Node older than 22.12 too (${node ?? "none found: skipped, needs Node < 22.12 at /usr/bin/node"})`, async () => {
      const oldEnv = { PATH: `${path.dirname(node!)}:${process.env.PATH}`, npm_config_cache: process.env.npm_config_cache };
      const generated = await run(node!, ["scripts/auth-generate.mjs"], project, oldEnv);
      expect(generated.exitCode, generated.all).toBe(0);
      expect(generated.all).toContain("running it on Node 22 from npx");
      expect(generated.all).toContain("src/db/auth.schema.ts is unchanged");
      const checked = await run(node!, ["--import", "tsx", "scripts/auth-check.ts"], project, oldEnv);
      expect(checked.exitCode, checked.all).toBe(0);
    });
  }
});
