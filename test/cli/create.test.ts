import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonLines, runCli } from "../support/cli.js";
import { FIXTURES, REPO_ROOT } from "../support/paths.js";
import { listTree, tempDir } from "../support/temp.js";

const TINY = path.join(FIXTURES, "tiny");

describe("creating a project without a terminal", () => {
  it("takes the defaults, says which, and never prompts", async () => {
    const cwd = tempDir();
    const run = await runCli(["--no-install", "--no-git"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("Using defaults (no prompts): directory: authstack-app, template: node-postgres, plugins: none, package manager: npm");
    const pkg = JSON.parse(readFileSync(path.join(cwd, "authstack-app/package.json"), "utf8"));
    expect(pkg.name).toBe("authstack-app");
    expect(existsSync(path.join(cwd, "authstack-app/.gitignore"))).toBe(true);
    expect(existsSync(path.join(cwd, "authstack-app/_gitignore"))).toBe(false);
    expect(run.stdout).toContain("npm create authstack@latest authstack-app -- --template node-postgres --pm npm --no-install --no-git --yes");
    const version = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
    expect(JSON.parse(readFileSync(path.join(cwd, "authstack-app/authstack.json"), "utf8"))).toEqual({
      template: "node-postgres",
      plugins: [],
      createdWith: `create-authstack@${version}`,
    });
  });

  it("writes a valid package name and a fresh secret each time, never printed", async () => {
    const cwd = tempDir();
    const first = await runCli(["My App", "--template", TINY, "--no-install", "--no-git"], { cwd });
    const second = await runCli(["Other App", "--template", TINY, "--no-install", "--no-git"], { cwd });
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(JSON.parse(readFileSync(path.join(cwd, "My App/package.json"), "utf8")).name).toBe("my-app");
    const secret = (dir: string) => /^BETTER_AUTH_SECRET=(.+)$/m.exec(readFileSync(path.join(cwd, dir, ".env"), "utf8"))![1]!;
    const [a, b] = [secret("My App"), secret("Other App")];
    expect(Buffer.from(a, "base64url").length).toBeGreaterThanOrEqual(32);
    expect(a).not.toBe(b);
    expect(first.all).not.toContain(a);
    expect(readFileSync(path.join(cwd, "My App/.env.example"), "utf8")).toMatch(/^BETTER_AUTH_SECRET=$/m);
  });

  it("refuses a non-empty directory with exit 2, and adds into it with --overwrite without deleting anything", async () => {
    const cwd = tempDir();
    const target = path.join(cwd, "existing");
    mkdirSync(target);
    writeFileSync(path.join(target, "notes.txt"), "keep me");
    writeFileSync(path.join(target, "README.md"), "old readme");
    const refused = await runCli(["existing", "--template", TINY, "--no-install", "--no-git"], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('"existing" is not empty (README.md, notes.txt)');
    expect(readdirSync(target).sort()).toEqual(["README.md", "notes.txt"]);

    const added = await runCli(["existing", "--template", TINY, "--no-install", "--no-git", "--overwrite"], { cwd });
    expect(added.exitCode).toBe(0);
    expect(readFileSync(path.join(target, "notes.txt"), "utf8")).toBe("keep me");
    expect(readFileSync(path.join(target, "README.md"), "utf8")).toBe("# tiny-template\n");
    expect(existsSync(path.join(target, "package.json"))).toBe(true);
    expect(readdirSync(cwd)).toEqual(["existing"]);
  });

  it("refuses a file as the target with exit 2", async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, "taken"), "a file");
    const run = await runCli(["taken", "--yes"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"taken" is a file, not a directory');
    expect(readFileSync(path.join(cwd, "taken"), "utf8")).toBe("a file");
  });

  it("refuses a directory name a file system cannot hold", async () => {
    const cwd = tempDir();
    const run = await runCli(["bad:name", "--yes"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('contains ":"');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("writes nothing with --dry-run, and lists what it would write and run", async () => {
    const cwd = tempDir();
    const run = await runCli(["dry", "--template", "bun-sqlite", "--pm", "bun", "--dry-run", "--yes"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(run.stdout).toContain("Dry run: nothing was written");
    expect(run.stdout).toContain("src/db/auth.schema.ts");
    expect(run.stdout).toContain("bun install");
    expect(run.stdout).toContain("bun run db:migrate");
  });

  it("speaks JSON lines with --json: the plan, the steps, and a result that holds no secret", async () => {
    const cwd = tempDir();
    const run = await runCli(["json-app", "--template", TINY, "--json", "--no-git", "--database-url", "postgresql://u:pw-123@db.example:5432/x"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe("");
    const events = jsonLines(run.stdout);
    const result = events.at(-1)!;
    expect(result).toMatchObject({
      type: "result",
      ok: true,
      exitCode: 0,
      directory: "json-app",
      template: TINY,
      packageManager: "npm",
      installed: true,
      migrated: true,
      tables: { found: 10, expected: 10, missing: [] },
      envFiles: [".env"],
      next: ["cd json-app", "npm run dev"],
    });
    expect(events.filter((e) => e.type === "step").map((e) => `${e.step}:${e.status}`)).toEqual([
      "install:started",
      "install:done",
      "migrate:started",
      "migrate:done",
    ]);
    expect(events.find((e) => e.step === "install" && e.status === "done")?.durationMs).toBeGreaterThan(0);
    const env = readFileSync(path.join(cwd, "json-app/.env"), "utf8");
    const secret = /^BETTER_AUTH_SECRET=(.+)$/m.exec(env)![1]!;
    expect(env).toContain("DATABASE_URL=postgresql://u:pw-123@db.example:5432/x");
    expect(run.stdout).not.toContain(secret);
    expect(run.stdout).not.toContain("pw-123");
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("lists the tree it writes for a local template, without template.json or lockfiles", async () => {
    const cwd = tempDir();
    const run = await runCli(["tree", "--template", TINY, "--no-install", "--no-git"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(listTree(path.join(cwd, "tree"))).toEqual([
      ".env",
      ".env.example",
      ".gitignore",
      "README.md",
      "authstack.json",
      "package.json",
      "scripts/dev.js",
      "scripts/migrate.js",
      "scripts/tables.js",
    ]);
  });
});
