// `add` plans on the real templates: adding plugins to a project made without them gives, file for file, what
// creation with them writes; only the schema and the migration differ, and those the real tools write (test/e2e/add).
import { describe, expect, it } from "vitest";
import { parseAddArgs } from "../../src/add/args.js";
import { planAdd } from "../../src/add/plan-add.js";
import { planProject, type PlanInput } from "../../src/plan/plan.js";
import { PLUGIN_IDS, type PluginId } from "../../src/plan/plugins.js";
import * as editor from "../../src/plugins/edit-source.mjs";
import { loadTemplate } from "../../src/templates/load.js";
import { REPO_ROOT } from "../support/paths.js";

const GENERATED = /^(src\/db\/auth\.schema\.ts|drizzle\/)/;

async function template(id: string) {
  return loadTemplate({ kind: "bundled", id }, { bundledRoot: `${REPO_ROOT}/templates`, cwd: REPO_ROOT });
}

function created(tpl: PlanInput["template"], id: string, plugins: PluginId[]): Map<string, string> {
  const plan = planProject({
    options: { packageName: "my-app", install: true, migrate: true, git: true, plugins, packageManager: { name: "npm", version: "11.0.0" } },
    template: tpl,
    secret: "S3CRET",
    record: { template: id, plugins, createdWith: "create-authstack@1.2.3" },
  });
  return new Map(plan.files.map((f) => [f.path, f.content.toString()]));
}

function add(project: Map<string, string>, tpl: PlanInput["template"], id: string, ids: PluginId[], had: PluginId[] = []) {
  return planAdd({ record: { template: id, plugins: had, createdWith: "create-authstack@1.2.3" }, ids, template: tpl, read: (p) => project.get(p), editor });
}

describe.each(["node-postgres", "bun-sqlite", "cloudflare"])("add on %s", (id) => {
  const cases: PluginId[][] = [...PLUGIN_IDS.map((p) => [p]), ["admin", "two-factor"]];

  it.each(cases.map((ids) => [ids.join(" "), ids] as const))("add %s writes what creation with it writes, but the schema and migration", async (_, ids) => {
    const tpl = await template(id);
    const project = created(tpl, id, []);
    const plan = add(project, tpl, id, ids);
    for (const change of plan.changes) project.set(change.path, change.after);
    const expected = created(tpl, id, plan.plugins);
    const comparable = (files: Map<string, string>) => new Map([...files].filter(([p]) => !GENERATED.test(p)));
    expect(comparable(project)).toEqual(comparable(expected));
    expect(plan.changes.map((c) => c.path)).not.toContainEqual(expect.stringMatching(GENERATED));
    expect(plan.migrationName).toBe(`add-${ids.join("-")}`);
  });

  it("adds to a project that has plugins already, with the user's own lines in src/auth.ts kept", async () => {
    const tpl = await template(id);
    const project = created(tpl, id, ["passkey"]);
    const own = "// my own note, kept by add\n";
    project.set("src/auth.ts", own + project.get("src/auth.ts")!);
    const plan = add(project, tpl, id, ["admin"], ["passkey"]);
    const auth = plan.changes.find((c) => c.path === "src/auth.ts")!.after;
    expect(auth.startsWith(own)).toBe(true);
    expect(auth.slice(own.length)).toBe(created(tpl, id, ["passkey", "admin"]).get("src/auth.ts"));
    expect(JSON.parse(plan.changes.find((c) => c.path === "authstack.json")!.after).plugins).toEqual(["passkey", "admin"]);
    expect(plan.install).toBe(false);
  });

  it("refuses a plugin the project has, by authstack.json or by src/auth.ts", async () => {
    const tpl = await template(id);
    const project = created(tpl, id, ["two-factor"]);
    expect(() => add(project, tpl, id, ["two-factor"], ["two-factor"])).toThrow(/already has two-factor \(authstack\.json says so\)/);
    expect(() => add(project, tpl, id, ["admin", "two-factor"], [])).toThrow(/already has two-factor \(src\/auth\.ts says so\)/);
  });
});

describe("parseAddArgs", () => {
  it("takes ids as words or a comma list, in the fixed order, and the flags", () => {
    expect(parseAddArgs(["admin", "two-factor,passkey", "--dry-run"])).toEqual({ plugins: ["two-factor", "passkey", "admin"], dryRun: true, force: false, help: false });
    expect(parseAddArgs(["--force", "magic-link"])).toMatchObject({ plugins: ["magic-link"], force: true });
  });

  it("refuses no plugin, an unknown one and an unknown flag, as usage errors", () => {
    expect(() => parseAddArgs([])).toThrow(/Name the plugins to add/);
    expect(() => parseAddArgs(["sso"])).toThrow(/Unknown plugin "sso" to add\. Valid ids: two-factor, passkey, magic-link, admin/);
    expect(() => parseAddArgs(["admin", "--yes"])).toThrow(/Unknown option '--yes'.*Usage: create-authstack add/);
  });
});
