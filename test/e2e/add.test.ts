// `add` on real projects: made without plugins and committed, each refuses what it must without changing a file,
// then adds two-factor with the real tools (install, the Better Auth CLI, drizzle-kit, the migration) and ends
// with what creation with two-factor writes, the migration split apart.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { expectPluginEndpoints, signUpAndIn, startDev } from "../support/app.js";
import { expectAuthSchemaRegeneratesUnchanged } from "../support/auth-schema.js";
import { runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { listTree, tempDir } from "../support/temp.js";

const GIT_IDENTITY = { GIT_AUTHOR_NAME: "E2E", GIT_AUTHOR_EMAIL: "e2e@example.com", GIT_COMMITTER_NAME: "E2E", GIT_COMMITTER_EMAIL: "e2e@example.com" };
/** What differs between two projects by design: installs, local state, secrets, and the migrations. */
const LOCAL_DIRS = ["node_modules", ".git", "drizzle", "data", ".data", ".wrangler"];
const LOCAL_FILES = [".env", ".dev.vars", "package-lock.json", "bun.lock"];
const tree = (root: string) => listTree(root, LOCAL_DIRS).filter((file) => !LOCAL_FILES.includes(file));

const TEMPLATES = [
  { template: "node-postgres", pm: "npm", dev: ["npm", "run", "dev"] },
  { template: "bun-sqlite", pm: "bun", dev: ["bun", "run", "dev"] },
  { template: "cloudflare", pm: "npm", dev: ["npm", "run", "dev"] },
] as const;

describe.each(TEMPLATES)("add on $template", ({ template, pm, dev }) => {
  const cwd = tempDir(`authstack-e2e-add-${template}-`);
  const project = path.join(cwd, "grown-app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}`, ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}), ...GIT_IDENTITY });
  const add = (args: string[], where = project) => runCli(["add", ...args], { cwd: where, env: env() });
  const git = (...args: string[]) => run("git", args, project, env());
  const status = async () => (await git("status", "--porcelain")).stdout;
  const text = (file: string, root = project) => readFileSync(path.join(root, file), "utf8");

  beforeAll(async () => {
    const created = await runCli(["grown-app", "--template", template, "--pm", pm, "--yes"], { cwd, env: env() });
    expect(created.exitCode, created.all).toBe(0);
    expect(await status()).toBe("");
  });

  it("refuses outside a project, with exit 2", async () => {
    const result = await add(["two-factor"], cwd);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.stderr).toMatch(/No authstack\.json in .* or any folder above it/);
  });

  it("refuses over an uncommitted edit to a file it edits, and changes nothing; --dry-run shows the diff", async () => {
    const edited = `${text("src/auth.ts")}// an edit not committed yet\n`;
    writeFileSync(path.join(project, "src/auth.ts"), edited);
    const refused = await add(["two-factor"]);
    expect(refused.exitCode, refused.all).toBe(2);
    expect(refused.stderr).toContain("src/auth.ts has uncommitted changes");
    expect(refused.stderr).toContain("--force");
    expect(await status()).toBe(" M src/auth.ts");
    expect(text("src/auth.ts")).toBe(edited);

    const dry = await add(["two-factor", "--dry-run"]);
    expect(dry.exitCode, dry.all).toBe(0);
    expect(dry.stdout).toContain('+import { twoFactor } from "better-auth/plugins/two-factor";');
    expect(dry.stdout).toContain("+++ b/src/pages/two-factor.tsx");
    expect(dry.stdout).toMatch(/db:generate.*--name add-two-factor/);
    expect(await status()).toBe(" M src/auth.ts");
    await git("checkout", "--", "src/auth.ts");
  });

  it("adds two-factor: the files creation writes, the schema from the Better Auth CLI, a 0001 migration applied", async () => {
    const result = await add(["two-factor"]);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toContain("added   drizzle/0001_add-two-factor.sql");
    expect(text("drizzle/0001_add-two-factor.sql")).toMatch(/CREATE TABLE ["`]two_factor["`]/);
    expect(text("drizzle/0000_init.sql")).not.toContain("two_factor");
    expect(JSON.parse(text("authstack.json"))).toMatchObject({ template, plugins: ["two-factor"] });

    // The same project made with --plugins two-factor, not installed: every file the same but the local ones.
    const reference = tempDir(`authstack-e2e-add-ref-${template}-`);
    const made = await runCli(["grown-app", "--template", template, "--pm", pm, "--plugins", "two-factor", "--no-install", "--no-git", "--yes"], { cwd: reference, env: env() });
    expect(made.exitCode, made.all).toBe(0);
    const madeWith = path.join(reference, "grown-app");
    const files = tree(madeWith);
    expect(tree(project)).toEqual(files);
    const withoutPin = (json: string) => ({ ...JSON.parse(json), packageManager: undefined });
    for (const file of files) {
      if (file === "package.json") expect(withoutPin(text(file)), file).toEqual(withoutPin(text(file, madeWith)));
      else expect(text(file), file).toBe(text(file, madeWith));
    }

    await git("add", "-A");
    await git("commit", "-qm", "add two-factor");
  });

  it("passes auth:check (the schema, the migrations and the local database agree), and regenerates the same schema", async () => {
    const checked = await run(pm, ["run", "auth:check"], project, env());
    expect(checked.exitCode, checked.all).toBe(0);
    expect(checked.all).toContain("has every migration of drizzle/ applied (2)");
    await expectAuthSchemaRegeneratesUnchanged(project, [pm, "run", "auth:generate"], env());
    expect(await status()).toBe("");
  });

  it("refuses two-factor a second time, changing nothing", async () => {
    const again = await add(["two-factor"]);
    expect(again.exitCode, again.all).toBe(2);
    expect(again.stderr).toContain("already has two-factor (authstack.json says so)");
    expect(await status()).toBe("");
  });

  it("serves two-factor on the dev server", async () => {
    const app = await startDev(project, [...dev], env());
    try {
      await signUpAndIn(app.url);
      await expectPluginEndpoints(app.url, ["two-factor"]);
    } finally {
      await app.stop();
    }
  });
});
