import { describe, expect, it } from "vitest";
import { planProject, type PlanInput } from "../../src/plan/plan.js";
import type { TemplateFile } from "../../src/templates/files.js";

const file = (path: string, content: string, executable = false): TemplateFile => ({ path, content: Buffer.from(content), executable });

const TEMPLATE: PlanInput["template"] = {
  files: [
    file("package.json", JSON.stringify({ name: "authstack-cloudflare", scripts: { "db:migrate": "x", dev: "y" }, allowScripts: { esbuild: true, workerd: true } })),
    file("_gitignore", "node_modules\n.dev.vars\n"),
    file(".dev.vars.example", "BETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:8787\n"),
    file("wrangler.jsonc", '{ "name": "authstack-cloudflare", "d1_databases": [{ "database_name": "authstack-cloudflare-db" }] }'),
    file("README.md", "# authstack-cloudflare\n"),
    file("scripts/run.sh", "#!/bin/sh\n", true),
  ],
  meta: { envFile: ".dev.vars", replace: [{ file: "wrangler.jsonc", token: "authstack-cloudflare", with: "workerName" }] },
};

const input = (over: Partial<PlanInput["options"]> = {}): PlanInput => ({
  options: { packageName: "my.app", install: true, migrate: true, git: true, plugins: [], packageManager: { name: "npm", version: "11.19.1" }, ...over },
  template: TEMPLATE,
  secret: "S3CRET",
  record: { template: "cloudflare", plugins: [], createdWith: "create-authstack@1.2.3" },
});

describe("planProject", () => {
  it("writes every template file, renames _gitignore, and adds the env file", () => {
    const plan = planProject(input());
    expect(plan.files.map((f) => f.path)).toEqual([
      ".dev.vars",
      ".dev.vars.example",
      ".gitignore",
      "README.md",
      "authstack.json",
      "package.json",
      "scripts/run.sh",
      "wrangler.jsonc",
    ]);
    expect(plan.envFile).toBe(".dev.vars");
    expect(plan.files.find((f) => f.path === "scripts/run.sh")?.executable).toBe(true);
  });

  it("records what the project was made from in authstack.json, over any the template ships", () => {
    const shipped = { ...TEMPLATE, files: [...TEMPLATE.files, file("authstack.json", '{ "template": "someone-else" }')] };
    const plan = planProject({ ...input(), template: shipped });
    const record = plan.files.find((f) => f.path === "authstack.json")!.content.toString();
    expect(JSON.parse(record)).toEqual({ template: "cloudflare", plugins: [], createdWith: "create-authstack@1.2.3" });
    expect(record.endsWith("}\n")).toBe(true);
  });

  it("puts the secret only in the env file", () => {
    const plan = planProject(input());
    const holding = plan.files.filter((f) => f.content.toString().includes("S3CRET")).map((f) => f.path);
    expect(holding).toEqual([".dev.vars"]);
    expect(plan.files.find((f) => f.path === ".dev.vars.example")?.content.toString()).toBe("BETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:8787\n");
  });

  it("replaces tokens only in the files template.json names", () => {
    const plan = planProject(input());
    const text = (p: string) => plan.files.find((f) => f.path === p)!.content.toString();
    expect(text("wrangler.jsonc")).toBe('{ "name": "my-app", "d1_databases": [{ "database_name": "my-app-db" }] }');
    expect(text("README.md")).toBe("# authstack-cloudflare\n");
    expect(JSON.parse(text("package.json"))).toMatchObject({ name: "my.app", packageManager: "npm@11.19.1" });
  });

  it("plans install, migrate and git as the template's own scripts", () => {
    expect(planProject(input()).steps).toEqual([
      { name: "install", command: ["npm", "install"] },
      { name: "migrate", command: ["npm", "run", "db:migrate"] },
      { name: "git", command: ["git", "init"] },
    ]);
    expect(planProject(input({ install: false, migrate: false, git: false })).steps).toEqual([]);
  });

  it("passes --database-url to the migration and writes it to the env file", () => {
    const plan = planProject(input({ databaseUrl: "postgresql://u:p@h:5432/db" }));
    expect(plan.steps[1]).toEqual({ name: "migrate", command: ["npm", "run", "db:migrate"], env: { DATABASE_URL: "postgresql://u:p@h:5432/db" } });
    expect(plan.files.find((f) => f.path === ".dev.vars")?.content.toString()).toContain("DATABASE_URL=postgresql://u:p@h:5432/db\n");
  });

  it("writes build approvals for pnpm, and node_modules linking for yarn berry", () => {
    const pnpm = planProject(input({ packageManager: { name: "pnpm", version: "10.12.1" } }));
    expect(pnpm.files.find((f) => f.path === "pnpm-workspace.yaml")?.content).toMatch(/^pmOnFail: ignore\nallowBuilds:\n  esbuild: true\n  workerd: true\n$/m);
    expect(pnpm.steps[0]).toEqual({ name: "install", command: ["pnpm", "install", "--no-frozen-lockfile"] });
    const berry = planProject(input({ packageManager: { name: "yarn", version: "4.9.2" } }));
    expect(berry.files.find((f) => f.path === ".yarnrc.yml")?.content).toBe("nodeLinker: node-modules\n");
    const classic = planProject(input({ packageManager: { name: "yarn", version: "1.22.22" } }));
    expect(classic.files.some((f) => f.path === ".yarnrc.yml")).toBe(false);
    expect(classic.files.find((f) => f.path === ".yarnrc")?.content).toMatch(/^ignore-engines true$/m);
  });

  it("warns instead of migrating when the template has no db:migrate", () => {
    const template = { ...TEMPLATE, files: [file("package.json", "{}"), ...TEMPLATE.files.slice(1)] };
    const plan = planProject({ ...input(), template });
    expect(plan.steps.map((s) => s.name)).toEqual(["install", "git"]);
    expect(plan.warnings).toEqual(['The template has no "db:migrate" script, so no migration was run.']);
  });
});
