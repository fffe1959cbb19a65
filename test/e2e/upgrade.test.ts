// An upgrade rehearsal on a bun-sqlite project with data in it, by the README's "Upgrading Better Auth" steps:
// first the newest patch release in the registry (1.7.7 → 1.7.29, which generates the same tables: auth:check
// passes), then a change that does alter tables (the organization plugin's teams), which auth:check reports and
// the documented commands fix, with every row kept.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signUpAndIn, startDev } from "../support/app.js";
import { runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

const NEWER = "1.7.29";

describe("upgrading a bun-sqlite project with data", () => {
  const cwd = tempDir("authstack-e2e-upgrade-");
  const project = path.join(cwd, "app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}`, npm_config_cache: process.env.npm_config_cache });
  const bun = (...args: string[]) => run("bun", args, project, env());
  const rows = async () => {
    const query = `import { Database } from "bun:sqlite"; const db = new Database("data/app.db", { readonly: true }); console.log(JSON.stringify(["user", "session", "account"].map((t) => db.query("select count(*) as n from " + t).get().n)));`;
    const result = await bun("-e", query);
    expect(result.exitCode, result.all).toBe(0);
    return JSON.parse(result.stdout) as number[];
  };
  let before: number[];

  beforeAll(async () => {
    const created = await runCli(["app", "--template", "bun-sqlite", "--pm", "bun", "--no-git", "--json"], { cwd, env: env() });
    expect(created.exitCode, created.all).toBe(0);
    const app = await startDev(project, ["bun", "run", "dev"], env());
    try {
      await signUpAndIn(app.url);
    } finally {
      await app.stop();
    }
    before = await rows();
    expect(before[0]).toBeGreaterThan(0);
  });

  it(`moves better-auth and every @better-auth/* package to ${NEWER} together; auth:check finds the same schema`, async () => {
    const pkg = JSON.parse(readFileSync(path.join(project, "package.json"), "utf8"));
    const packages = Object.keys(pkg.dependencies).filter((name) => name === "better-auth" || name.startsWith("@better-auth/"));
    const installed = await bun("add", "--exact", ...packages.map((name) => `${name}@${NEWER}`));
    expect(installed.exitCode, installed.all).toBe(0);
    expect(JSON.parse(readFileSync(path.join(project, "node_modules/better-auth/package.json"), "utf8")).version).toBe(NEWER);

    const checked = await bun("run", "auth:check");
    expect(checked.exitCode, checked.all).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it("reports a change that alters tables, and auth:generate, db:generate and db:migrate fix it, in that order", async () => {
    const authFile = path.join(project, "src/auth.ts");
    const auth = readFileSync(authFile, "utf8");
    const edited = auth.replace("organization({ ", "organization({ teams: { enabled: true }, ");
    expect(edited).not.toBe(auth);
    writeFileSync(authFile, edited);

    const steps: Array<[fix: string, names: RegExp]> = [
      ["auth:generate", /FAIL src\/db\/auth\.schema\.ts is out of date/],
      ["db:generate", /FAIL drizzle\/ lacks a migration/],
      ["db:migrate", /FAIL .* lacks 1 of the 2 migrations in drizzle\//],
    ];
    for (const [fix, names] of steps) {
      const checked = await bun("run", "auth:check");
      expect(checked.exitCode, checked.all).toBe(1);
      expect(checked.all).toMatch(names);
      expect(checked.all).toContain(`bun run ${fix}`);
      const fixed = await bun("run", fix);
      expect(fixed.exitCode, fixed.all).toBe(0);
    }
    expect(readFileSync(path.join(project, "src/db/auth.schema.ts"), "utf8")).toMatch(/export const team = /);

    const checked = await bun("run", "auth:check");
    expect(checked.exitCode, checked.all).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it("passes its own tests afterwards", async () => {
    const tested = await bun("test");
    expect(tested.exitCode, tested.all).toBe(0);
  });
});
