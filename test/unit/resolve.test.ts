import { describe, expect, it } from "vitest";
import type { Flags } from "../../src/cli/args.js";
import { CancelledError, UsageError } from "../../src/errors.js";
import { decideInteractive, resolveOptions, type RuntimeEnv, type TargetState } from "../../src/cli/resolve.js";
import { fakePrompter } from "../support/fake-prompter.js";

const TTY: RuntimeEnv = { cwd: "/home/dev/code", env: {}, stdinIsTTY: true, stdoutIsTTY: true };
const PIPE: RuntimeEnv = { cwd: "/home/dev/code", env: {}, stdinIsTTY: false, stdoutIsTTY: false };

function resolve(flags: Flags, runtime: RuntimeEnv, answers: Array<string | boolean> = [], targets: Record<string, TargetState> = {}) {
  const fake = fakePrompter(answers);
  const promise = resolveOptions(flags, runtime, {
    prompter: fake.prompter,
    inspectTarget: (p) => targets[p] ?? { kind: "missing" },
  });
  return { promise, ...fake };
}

describe("resolveOptions without a terminal", () => {
  it("takes every default and says which", async () => {
    const { promise, asked } = resolve({}, PIPE);
    const options = await promise;
    expect(asked).toEqual([]);
    expect(options).toMatchObject({
      directory: "authstack-app",
      targetDir: "/home/dev/code/authstack-app",
      packageName: "authstack-app",
      template: { kind: "bundled", id: "node-postgres" },
      packageManager: { name: "npm" },
      install: true,
      migrate: true,
      git: true,
      overwrite: false,
      interactive: false,
    });
    expect(options.defaultsUsed).toEqual([
      "directory: authstack-app",
      "template: node-postgres",
      "plugins: none",
      "package manager: npm",
      "install: yes",
      "migrate: yes",
      "git: yes",
    ]);
  });

  it("defaults the package manager to the one that ran us, with its version", async () => {
    const options = await resolve({ yes: true }, { ...TTY, env: { npm_config_user_agent: "pnpm/10.1.0 npm/? node/v20.20.2" } }).promise;
    expect(options.packageManager).toEqual({ name: "pnpm", version: "10.1.0" });
    expect(options.interactive).toBe(false);
  });

  it("derives a valid package name from the directory", async () => {
    const options = await resolve({ directory: "apps/My Cool App" }, PIPE).promise;
    expect(options.targetDir).toBe("/home/dev/code/apps/My Cool App");
    expect(options.packageName).toBe("my-cool-app");
  });

  it("uses the current folder's name for .", async () => {
    const options = await resolve({ directory: "." }, PIPE, [], { "/home/dev/code": { kind: "empty" } }).promise;
    expect(options.packageName).toBe("code");
  });

  it("refuses a non-empty directory without --overwrite, naming what is there", async () => {
    const targets: Record<string, TargetState> = { "/home/dev/code/app": { kind: "non-empty", entries: ["a", "b", "c", "d", "e"] } };
    await expect(resolve({ directory: "app" }, PIPE, [], targets).promise).rejects.toThrow(
      new UsageError(
        `"app" is not empty (a, b, c and 2 more). Choose another directory, or pass --overwrite to add the project's files into it (nothing there is deleted; files with the same names are replaced).`,
      ),
    );
    await expect(resolve({ directory: "app", overwrite: true }, PIPE, [], targets).promise).resolves.toMatchObject({ overwrite: true });
  });

  it("refuses a file as the target", async () => {
    await expect(resolve({ directory: "f" }, PIPE, [], { "/home/dev/code/f": { kind: "file" } }).promise).rejects.toThrow(/"f" is a file/);
  });

  it("validates every flag before anything else", async () => {
    await expect(resolve({ template: "nope" }, PIPE).promise).rejects.toThrow(/Unknown template "nope"/);
    await expect(resolve({ packageManager: "pnp" }, PIPE).promise).rejects.toThrow(/Did you mean pnpm/);
    await expect(resolve({ plugins: "two-factor,sso" }, PIPE).promise).rejects.toThrow(
      new UsageError('Unknown plugin "sso" in --plugins. Valid ids: two-factor, passkey, magic-link, admin (comma-separated), or none.'),
    );
    await expect(resolve({ databaseUrl: "mysql://x/y" }, PIPE).promise).rejects.toThrow(/postgresql:\/\//);
    await expect(resolve({ directory: "a|b" }, PIPE).promise).rejects.toThrow(/not allowed in a file name/);
    await expect(resolve({ install: false, migrate: true }, PIPE).promise).rejects.toThrow(/--migrate needs the dependencies installed/);
    await expect(resolve({ template: "bun-sqlite", databaseUrl: "postgresql://h/db" }, PIPE).promise).rejects.toThrow(
      /--database-url applies to node-postgres only/,
    );
  });

  it("does not migrate without install", async () => {
    const options = await resolve({ install: false }, PIPE).promise;
    expect(options.migrate).toBe(false);
    expect(options.defaultsUsed).not.toContain("migrate: yes");
  });
});

describe("resolveOptions in a terminal", () => {
  it("asks every question in order", async () => {
    const { promise, asked } = resolve({}, TTY, ["my-app", "bun-sqlite", "admin,two-factor", "bun", true, false, true]);
    const options = await promise;
    expect(asked).toEqual([
      "Where should the project go?",
      "Which template?",
      "Which sign-in features should it have?",
      "Which package manager?",
      "Install dependencies?",
      "Run the first migration against the database?",
      "Initialise a git repository?",
    ]);
    expect(options).toMatchObject({
      directory: "my-app",
      template: { kind: "bundled", id: "bun-sqlite" },
      plugins: ["two-factor", "admin"],
      packageManager: { name: "bun" },
      install: true,
      migrate: false,
      git: true,
      interactive: true,
      defaultsUsed: [],
    });
  });

  it("asks for the database of node-postgres, and the URL when one is wanted", async () => {
    const { promise, asked } = resolve({ directory: "x", packageManager: "npm" }, TTY, ["node-postgres", "", "url", "postgresql://u:p@db:5432/app", true, true, false]);
    const options = await promise;
    expect(asked).toContain("Which PostgreSQL?");
    expect(asked).toContain("PostgreSQL URL");
    expect(options.databaseUrl).toBe("postgresql://u:p@db:5432/app");
  });

  it("does not ask what a flag answered, and shows it as answered (passwords hidden)", async () => {
    const { promise, asked, shown } = resolve(
      { directory: "x", template: "node-postgres", plugins: "passkey,two-factor", packageManager: "pnpm", databaseUrl: "postgresql://u:secret@h/db", install: true, migrate: true, git: false },
      TTY,
    );
    await promise;
    expect(asked).toEqual([]);
    expect(shown).toEqual([
      ["Where should the project go?", "x"],
      ["Which template?", "node-postgres"],
      ["Which sign-in features should it have?", "two-factor, passkey"],
      ["Which package manager?", "pnpm"],
      ["Which PostgreSQL?", "postgresql://u:***@h/db"],
      ["Install dependencies?", "Yes"],
      ["Run the first migration against the database?", "Yes"],
      ["Initialise a git repository?", "No"],
    ]);
  });

  it("asks before adding into a non-empty directory, and asks again for another one on no", async () => {
    const targets: Record<string, TargetState> = { "/home/dev/code/full": { kind: "non-empty", entries: ["README.md"] } };
    const { promise, asked } = resolve({ template: "bun-sqlite", packageManager: "bun", install: false, git: false }, TTY, ["full", false, "empty", ""], targets);
    const options = await promise;
    expect(asked.slice(0, 3)).toEqual([
      "Where should the project go?",
      `"full" is not empty (README.md). Add the project's files into it? Nothing is deleted; files with the same names are replaced.`,
      "Where should the project go?",
    ]);
    expect(options.directory).toBe("empty");
    expect(options.overwrite).toBe(false);
  });

  it("validates a typed directory like the flag", async () => {
    await expect(resolve({}, TTY, ["bad|name"]).promise).rejects.toThrow(/validation refused/);
  });

  it("takes a remote template typed after choosing 'another template'", async () => {
    const options = await resolve({ directory: "x", packageManager: "npm", install: false, git: false }, TTY, ["__other__", "gh:me/tpl#v1"]).promise;
    expect(options.template).toEqual({ kind: "remote", input: "gh:me/tpl#v1" });
  });

  it("stops at a cancelled prompt", async () => {
    await expect(resolve({}, TTY, ["app", "CANCEL"]).promise).rejects.toThrow(CancelledError);
  });
});

describe("decideInteractive", () => {
  it("prompts only in a terminal outside CI, unless told", () => {
    expect(decideInteractive({}, TTY)).toBe(true);
    expect(decideInteractive({}, { ...TTY, env: { CI: "true" } })).toBe(false);
    expect(decideInteractive({}, { ...TTY, stdinIsTTY: false })).toBe(false);
    expect(decideInteractive({ yes: true }, TTY)).toBe(false);
    expect(decideInteractive({ json: true }, TTY)).toBe(false);
    expect(decideInteractive({ interactive: false }, TTY)).toBe(false);
    expect(decideInteractive({ interactive: true }, { ...TTY, env: { CI: "1" } })).toBe(true);
  });

  it("refuses to prompt where it cannot", () => {
    expect(() => decideInteractive({ interactive: true }, PIPE)).toThrow(/--interactive needs a terminal/);
    expect(() => decideInteractive({ interactive: true, yes: true }, TTY)).toThrow(/--interactive contradicts --yes/);
  });
});
