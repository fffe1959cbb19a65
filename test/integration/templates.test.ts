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

const SCRIPTS = ["dev", "test", "typecheck", "db:generate", "db:migrate", "db:push", "db:studio", "db:check", "db:cleanup", "db:tables", "auth:generate", "auth:check"];
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
      options: { packageName: "my-project", install: true, migrate: true, git: true, plugins: [], packageManager: { name: "npm", version: "11.0.0" } },
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

const ALL_PLUGINS = ["two-factor", "passkey", "magic-link", "admin"] as const;
const PLUGIN_FILES = [
  "src/mail/magic-link.ts",
  "src/pages/two-factor.tsx",
  "src/pages/passkeys.tsx",
  "src/pages/passkey-script.ts",
  "src/pages/magic-link.tsx",
  "src/pages/admin.tsx",
  "test/two-factor.test.ts",
  "test/passkey.test.ts",
  "test/magic-link.test.ts",
  "test/admin.test.ts",
];

describe.each(BUNDLED_TEMPLATES.map((t) => t.id))("template %s with every plugin, planned", (id) => {
  const planned = (async () => {
    const template = await loadTemplate({ kind: "bundled", id }, { bundledRoot: path.join(REPO_ROOT, "templates"), cwd: REPO_ROOT });
    const plan = (plugins: readonly (typeof ALL_PLUGINS)[number][]) =>
      planProject({
        options: { packageName: "my-project", install: true, migrate: true, git: true, plugins: [...plugins], packageManager: { name: "npm", version: "11.0.0" } },
        template,
        secret: "TEST_SECRET_0123456789abcdefghijklmnopqrstuv",
        record: { template: id, plugins, createdWith: "create-authstack@0.0.0-test" },
      });
    return { all: plan(ALL_PLUGINS), none: plan([]) };
  })();
  const text = (plan: { files: { path: string; content: Buffer | string }[] }, p: string) => plan.files.find((f) => f.path === p)?.content.toString();

  it("writes the set's auth config, schema and migration, and each plugin's files; never the plugins/ folder", async () => {
    const { all } = await planned;
    const paths = all.files.map((f) => f.path);
    for (const file of PLUGIN_FILES) expect(paths).toContain(file);
    expect(paths.some((p) => /^scripts\/auth-admin\.m?ts$|^scripts\/auth-admin\.mjs$/.test(p))).toBe(true);
    expect(paths.filter((p) => p.startsWith("plugins/"))).toEqual([]);
    const set = path.join(REPO_ROOT, "templates", id, "plugins/sets/two-factor+passkey+magic-link+admin");
    expect(text(all, "src/db/auth.schema.ts")).toBe(readFileSync(path.join(set, "src/db/auth.schema.ts"), "utf8"));
    expect(text(all, "drizzle/0000_init.sql")).toBe(readFileSync(path.join(set, "drizzle/0000_init.sql"), "utf8"));
    // The names authenticator apps and passkey prompts show are the project's.
    expect(text(all, "src/auth.ts")).toContain('twoFactor({ issuer: "my-project" })');
    expect(text(all, "src/auth.ts")).toContain('passkey({ rpName: "my-project" })');
    expect(text(all, "src/pages/plugins.ts")).toContain("[\n  twoFactorPages,\n  passkeyPages,\n  magicLinkPages,\n  adminPages,\n]");
    expect(JSON.parse(text(all, "authstack.json")!)).toEqual({ template: id, plugins: [...ALL_PLUGINS], createdWith: "create-authstack@0.0.0-test" });
  });

  it("adds the plugins' packages and the auth:admin script", async () => {
    const { all } = await planned;
    const pkg = JSON.parse(text(all, "package.json")!) as Record<string, Record<string, string>>;
    expect(pkg.dependencies).toHaveProperty(["@better-auth/passkey"]);
    expect(pkg.devDependencies).toHaveProperty(["otpauth"]);
    expect(pkg.scripts).toHaveProperty(["auth:admin"]);
  });

  it("writes none of it without plugins", async () => {
    const { none } = await planned;
    const paths = none.files.map((f) => f.path);
    expect(paths.filter((p) => PLUGIN_FILES.includes(p) || p.startsWith("plugins/") || p.includes("auth-admin"))).toEqual([]);
    expect(text(none, "src/auth.ts")).not.toMatch(/twoFactor|passkey|magicLink|admin\(/);
    expect(text(none, "src/pages/plugins.ts")).toContain("PAGE_PLUGINS: PagePlugin[] = [];");
    expect(JSON.parse(text(none, "package.json")!).scripts).not.toHaveProperty(["auth:admin"]);
  });
});
