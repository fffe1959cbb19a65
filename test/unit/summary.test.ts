import { describe, expect, it } from "vitest";
import type { ResolvedOptions } from "../../src/plan/options.js";
import type { StepResult } from "../../src/steps/types.js";
import { nextCommands, reproduceCommand } from "../../src/cli/summary.js";

const OPTIONS: ResolvedOptions = {
  directory: "my app",
  targetDir: "/home/dev/code/my app",
  packageName: "my-app",
  template: { kind: "bundled", id: "node-postgres" },
  plugins: [],
  packageManager: { name: "npm", version: "11.19.1" },
  install: true,
  migrate: true,
  databaseUrl: "postgresql://u:secret@h/db",
  git: true,
  overwrite: false,
  dryRun: false,
  offline: false,
  json: false,
  interactive: true,
  defaultsUsed: [],
};

const step = (name: StepResult["name"], status: StepResult["status"], retry?: string): StepResult => ({ name, status, durationMs: 1, ...(retry ? { retry } : {}) });

describe("nextCommands", () => {
  it("is cd and dev when everything ran", () => {
    const steps = [step("install", "done"), step("migrate", "done"), step("git", "done")];
    expect(nextCommands(OPTIONS, steps, ["install", "migrate", "git"])).toEqual(["cd 'my app'", "npm run dev"]);
  });

  it("lists what is left, starting with the failed step's own command", () => {
    const steps = [step("install", "failed", "pnpm install --no-frozen-lockfile")];
    const options = { ...OPTIONS, directory: ".", packageManager: { name: "pnpm" as const } };
    expect(nextCommands(options, steps, ["install", "migrate", "git"])).toEqual(["pnpm install --no-frozen-lockfile", "pnpm run db:migrate", "pnpm run dev"]);
  });

  it("after a failed install that was still committed, lists the install, the migration and dev", () => {
    const steps = [step("install", "failed", "npm install"), step("git", "done")];
    expect(nextCommands(OPTIONS, steps, ["install", "migrate", "git"])).toEqual(["cd 'my app'", "npm install", "npm run db:migrate", "npm run dev"]);
  });

  it("includes the git commit the user still has to make", () => {
    const steps = [step("install", "done"), step("migrate", "done"), step("git", "skipped", 'git commit -m "x"')];
    expect(nextCommands(OPTIONS, steps, ["install", "migrate", "git"])).toContain('git commit -m "x"');
  });
});

describe("reproduceCommand", () => {
  it("repeats every answer as a flag and never prints the database URL", () => {
    const command = reproduceCommand(OPTIONS);
    expect(command).toBe(`npm create authstack@latest 'my app' -- --template node-postgres --pm npm --database-url "$DATABASE_URL" --yes`);
    expect(command).not.toContain("secret");
  });

  it("writes the negative flags and the manager's own create command", () => {
    const options = { ...OPTIONS, databaseUrl: undefined, install: false, migrate: false, git: false, overwrite: true, packageManager: { name: "bun" as const } };
    expect(reproduceCommand(options)).toBe("bun create authstack 'my app' --template node-postgres --pm bun --no-install --no-git --overwrite --yes");
  });
});
