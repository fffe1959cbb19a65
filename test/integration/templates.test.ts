import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/write/apply.js";
import { planProject } from "../../src/plan/plan.js";
import { loadTemplate } from "../../src/templates/load.js";
import { BUNDLED_TEMPLATES } from "../../src/templates/catalog.js";
import { REPO_ROOT } from "../support/paths.js";
import { listTree, tempDir } from "../support/temp.js";

const SCRIPTS = ["dev", "test", "typecheck", "db:generate", "db:migrate", "db:push", "db:studio", "db:check", "db:cleanup", "db:tables", "auth:generate"];
const LAYOUT = [
  "authstack.json",
  "package.json",
  "README.md",
  ".gitignore",
  "drizzle.config.ts",
  "drizzle/0000_init.sql",
  "drizzle/meta/_journal.json",
  "drizzle/meta/0000_snapshot.json",
  "src/auth.ts",
  "src/db/index.ts",
  "src/db/schema.ts",
  "src/db/auth.schema.ts",
  "src/db/tables/index.ts",
  "src/db/tables/projects.table.ts",
];

describe.each(BUNDLED_TEMPLATES.map((t) => t.id))("template %s, planned and written", (id) => {
  const root = tempDir();
  const target = path.join(root, "My Project");
  const written = (async () => {
    const template = await loadTemplate({ kind: "bundled", id }, { bundledRoot: path.join(REPO_ROOT, "templates"), cwd: root });
    const plan = planProject({
      options: { packageName: "my-project", install: true, migrate: true, git: true, packageManager: { name: "npm", version: "11.0.0" } },
      template,
      secret: "TEST_SECRET_0123456789abcdefghijklmnopqrstuv",
      record: { template: id, plugins: [], createdWith: "create-authstack@0.0.0-test" },
    });
    await applyPlan(plan.files, target);
    return plan;
  })();
  const read = (p: string) => readFileSync(path.join(target, p), "utf8");

  it("has the layout of CONTRACT §2", async () => {
    const plan = await written;
    const tree = listTree(target);
    for (const file of LAYOUT) expect(tree).toContain(file);
    expect(tree).toContain(`${plan.envFile}.example`);
    expect(tree).toContain(plan.envFile);
    expect(tree.some((p) => p.startsWith("test/"))).toBe(true);
    expect(tree.filter((p) => /(^|\/)(_gitignore|template\.json|package-lock\.json|bun\.lockb?)$/.test(p))).toEqual([]);
  });

  it("names the package after the folder, pins exact versions, and has every script", async () => {
    await written;
    const pkg = JSON.parse(read("package.json")) as Record<string, any>;
    expect(pkg.name).toBe("my-project");
    expect(pkg.packageManager).toBe("npm@11.0.0");
    for (const script of SCRIPTS) expect(pkg.scripts, script).toHaveProperty([script]);
    const versions = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    expect(Object.entries(versions).filter(([, v]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(v))).toEqual([]);
  });

  it("puts the generated secret only in the env file, which git ignores", async () => {
    const plan = await written;
    const holders = listTree(target).filter((p) => read(p).includes("TEST_SECRET_0123456789"));
    expect(holders).toEqual([plan.envFile]);
    expect(read(`${plan.envFile}.example`)).toMatch(/^BETTER_AUTH_SECRET=$/m);
    execFileSync("git", ["init", "-q"], { cwd: target });
    // check-ignore exits 0 when the path is ignored; the example must not be.
    execFileSync("git", ["check-ignore", "-q", plan.envFile!], { cwd: target });
    expect(() => execFileSync("git", ["check-ignore", "-q", `${plan.envFile}.example`], { cwd: target })).toThrow();
  });

  it("keeps the Better Auth schema exactly as the Better Auth CLI generates it", async () => {
    await written;
    const dialect = id === "node-postgres" ? "pg" : "sqlite";
    const reference = readFileSync(path.join(REPO_ROOT, "test/fixtures/better-auth", `${dialect}.auth-schema.ts.txt`), "utf8");
    expect(read("src/db/auth.schema.ts")).toBe(reference);
  });

  it("matches the snapshot of its tree (file hashes; versions and secrets normalised)", async () => {
    const plan = await written;
    const tree = Object.fromEntries(
      listTree(target).map((p) => {
        let content = read(p);
        if (p === plan.envFile) content = content.replace(/TEST_SECRET_\w+/, "<secret>");
        return [p, createHash("sha256").update(content).digest("hex").slice(0, 12)];
      }),
    );
    expect(tree).toMatchSnapshot();
  });
});
