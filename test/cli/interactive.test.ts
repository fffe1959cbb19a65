import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { FIXTURES } from "../support/paths.js";
import { tempDir } from "../support/temp.js";
import { Terminal } from "../support/tmux.js";

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const start = (cwd: string, args: string[] = []) => {
  terminal = new Terminal(cwd, [process.execPath, inject("cli").bin, ...args]);
  return terminal;
};

describe("in a terminal", () => {
  it("walks through every prompt to a created project, and prints the command that skips them", async () => {
    const cwd = tempDir();
    const t = start(cwd);
    await t.waitFor("Where should the project go?");
    t.keys("bad|name", "Enter");
    await t.waitFor('contains "|", which is not allowed in a file name');
    t.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace");
    t.keys("Shop App", "Enter");
    await t.waitFor("Which template?");
    t.keys("Enter");
    await t.waitFor("Which sign-in features should it have?");
    // Two-factor is the first choice, admin the fourth: nothing is chosen until Space says so.
    t.keys("Space", "Down", "Down", "Down", "Space", "Enter");
    await t.waitFor("Which package manager?");
    t.keys("Down", "Enter");
    await t.waitFor("Which PostgreSQL?");
    t.keys("Down", "Enter");
    await t.waitFor("PostgreSQL URL");
    t.keys("mysql://nope", "Enter");
    await t.waitFor("must start with postgresql://");
    for (let i = 0; i < 12; i++) t.keys("BSpace");
    t.keys("postgresql://app:pw@db.internal:5432/shop", "Enter");
    await t.waitFor("Install dependencies?");
    t.keys("n");
    await t.waitFor("Initialise a git repository?");
    t.keys("n");
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toContain("Next steps");
    expect(screen).toContain("cd 'Shop App'");
    expect(screen).toContain("pnpm install");
    expect(screen).toContain(`pnpm create authstack 'Shop App' --template node-postgres --pm pnpm --plugins two-factor,admin --database-url "$DATABASE_URL" --no-install --no-git --yes`);
    // The URL shows as typed at its prompt; nothing printed after that repeats its password.
    expect(screen.slice(screen.indexOf("Install dependencies?"))).not.toContain(":pw@");
    const project = path.join(cwd, "Shop App");
    expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).name).toBe("shop-app");
    expect(readFileSync(path.join(project, ".env"), "utf8")).toContain("DATABASE_URL=postgresql://app:pw@db.internal:5432/shop");
    expect(existsSync(path.join(project, "pnpm-workspace.yaml"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(project, "authstack.json"), "utf8")).plugins).toEqual(["two-factor", "admin"]);
  });

  it("shows answers given by flag as answered and asks only the rest", async () => {
    const cwd = tempDir();
    const t = start(cwd, ["flagged", "--template", "bun-sqlite", "--pm", "bun", "--no-git"]);
    await t.waitFor("Which sign-in features should it have?");
    t.keys("Enter");
    const screen = await t.waitFor("Install dependencies?");
    expect(screen).toMatch(/Which template\?\n│\s+bun-sqlite/);
    expect(screen).not.toContain("Which PostgreSQL?");
    t.keys("n");
    expect(await t.exitCode()).toBe(0);
    expect(existsSync(path.join(cwd, "flagged/package.json"))).toBe(true);
  });

  it.each([
    ["Ctrl-C", "C-c"],
    ["Esc", "Escape"],
  ])("%s at a prompt cancels with exit 130 and writes nothing", async (_name, key) => {
    const cwd = tempDir();
    const t = start(cwd, ["--template", "bun-sqlite"]);
    await t.waitFor("Where should the project go?");
    t.keys("half-typed", "Enter");
    await t.waitFor("Which sign-in features should it have?");
    t.keys(key);
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain("Cancelled. Nothing was written.");
    expect(readdirSync(cwd).filter((n) => !n.startsWith("."))).toEqual([]);
  });

  it("shows a step live, through clack's task log, and its result when it ends", async () => {
    const cwd = tempDir();
    const identity = ["GIT_AUTHOR_NAME=CLI Test", "GIT_AUTHOR_EMAIL=cli@example.com", "GIT_COMMITTER_NAME=CLI Test", "GIT_COMMITTER_EMAIL=cli@example.com"];
    const tiny = path.join(FIXTURES, "tiny");
    terminal = new Terminal(cwd, [...identity, process.execPath, inject("cli").bin, "live-app", "--template", tiny, "--no-install", "--yes"]);
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain("Created a git repository with a first commit");
    expect(screen).toContain("Next steps");
    expect(existsSync(path.join(cwd, "live-app", ".git"))).toBe(true);
  });

  it("a SIGINT sent to the process at a prompt cancels with exit 130 and writes nothing", async () => {
    const cwd = tempDir();
    const t = start(cwd, ["sig-app"]);
    await t.waitFor("Which template?");
    process.kill(t.pid(), "SIGINT");
    expect(await t.exitCode()).toBe(130);
    expect(readdirSync(cwd).filter((n) => !n.startsWith("."))).toEqual([]);
  });
});
