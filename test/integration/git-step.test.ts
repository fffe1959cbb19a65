import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exec } from "../../src/steps/exec.js";
import { runGit } from "../../src/steps/git.js";
import type { StepContext } from "../../src/steps/types.js";
import { tempDir } from "../support/temp.js";

const root = tempDir();
const emptyConfig = path.join(root, "empty.gitconfig");
writeFileSync(emptyConfig, "");
// A machine whose git knows nobody: no global or system config, no identity in the environment.
const NOBODY = { GIT_CONFIG_GLOBAL: emptyConfig, GIT_CONFIG_NOSYSTEM: "1", HOME: root, GIT_AUTHOR_NAME: "", GIT_AUTHOR_EMAIL: "", GIT_COMMITTER_NAME: "", GIT_COMMITTER_EMAIL: "", EMAIL: "" };
const SOMEBODY = { ...NOBODY, GIT_AUTHOR_NAME: "Ada", GIT_AUTHOR_EMAIL: "ada@example.com", GIT_COMMITTER_NAME: "Ada", GIT_COMMITTER_EMAIL: "ada@example.com" };

function project(name: string, gitignore = ".env\n"): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "package.json"), "{}");
  writeFileSync(path.join(dir, ".env"), "BETTER_AUTH_SECRET=secret\n");
  writeFileSync(path.join(dir, ".gitignore"), gitignore);
  return dir;
}

function context(cwd: string, env: Record<string, string>): StepContext {
  return { cwd, run: (command, args) => exec(command, args, { cwd, env }), saveLog: async () => undefined };
}

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...SOMEBODY } });

describe("the git step", () => {
  it("makes a first commit without the env file", async () => {
    const dir = project("committed");
    const result = await runGit(".env", context(dir, SOMEBODY));
    expect(result).toMatchObject({ name: "git", status: "done" });
    expect(git(dir, "log", "--format=%an %s")).toBe("Ada Initial commit from create-authstack\n");
    expect(git(dir, "ls-files").split("\n")).toEqual([".gitignore", "package.json", ""]);
  });

  it("stages but does not commit without a git identity, and says how to set one", async () => {
    const dir = project("nobody");
    const result = await runGit(".env", context(dir, NOBODY));
    expect(result).toMatchObject({ status: "skipped", retry: 'git commit -m "Initial commit from create-authstack"' });
    expect(result.note).toContain("No git identity is set");
    expect(git(dir, "diff", "--cached", "--name-only")).toBe(".gitignore\npackage.json\n");
  });

  it("does not commit when the env file is not ignored", async () => {
    const dir = project("leaky", "node_modules\n");
    const result = await runGit(".env", context(dir, SOMEBODY));
    expect(result).toMatchObject({ status: "skipped" });
    expect(result.note).toContain(".env is not ignored by .gitignore");
    expect(() => git(dir, "rev-parse", "HEAD")).toThrow();
  });

  it("creates no repository inside an existing one", async () => {
    const outer = path.join(root, "monorepo");
    mkdirSync(outer);
    git(outer, "init", "-q");
    const dir = path.join(outer, "apps-web");
    mkdirSync(dir);
    const result = await runGit(".env", context(dir, SOMEBODY));
    expect(result.status).toBe("skipped");
    expect(result.note).toMatch(/Already inside a git repository/);
  });

  it("skips with a note when git is not installed", async () => {
    const dir = project("no-git");
    const result = await runGit(".env", context(dir, { ...SOMEBODY, PATH: path.join(root, "empty-bin") }));
    expect(result).toMatchObject({ status: "skipped", retry: "git init" });
    expect(result.note).toContain("git was not found");
  });
});
