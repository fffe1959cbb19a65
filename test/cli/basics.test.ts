import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { jsonLines, runCli } from "../support/cli.js";
import { REPO_ROOT } from "../support/paths.js";
import { tempDir } from "../support/temp.js";

const cwd = tempDir();

describe("the packed CLI", () => {
  it("prints help from the option table", async () => {
    const run = await runCli(["--help"], { cwd });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("npm create authstack@latest [directory] -- [options]");
    for (const flag of ["--template", "--pm", "--no-install", "--no-migrate", "--database-url", "--plugins", "--no-git", "--overwrite", "--yes", "--no-interactive", "--dry-run", "--json"]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/^ {2}cloudflare +Cloudflare/m);
    expect(run.stderr).toBe("");
  });

  it("prints its version", async () => {
    const run = await runCli(["-v"], { cwd });
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, "utf8")) as { version: string };
    expect(run).toMatchObject({ exitCode: 0, stdout: version });
  });

  it("installs as one package with no dependencies", () => {
    const { tarball, tarballBytes } = inject("cli");
    expect(tarball).toMatch(/create-authstack-\d+\.\d+\.\d+\.tgz$/);
    const pkg = JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, "utf8")) as Record<string, unknown>;
    expect(pkg.dependencies).toBeUndefined();
    expect(tarballBytes).toBeGreaterThan(10_000);
  });

  it("says which Node to upgrade to, on a Node too old for the bundle", async () => {
    const { execa } = await import("execa");
    const run = await execa("node", ["-r", `${REPO_ROOT}/test/fixtures/old-node.cjs`, inject("cli").bin, "--help"], { reject: false });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("create-authstack needs Node.js 20.19 or newer; this is v18.19.0.");
    expect(run.stdout).toBe("");
  });

  it("rejects an unknown flag with exit 2 and a suggestion", async () => {
    const run = await runCli(["--tempalte", "bun-sqlite"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("Unknown option --tempalte. Did you mean --template?");
  });

  it("rejects a bad template with exit 2 and the nearest id", async () => {
    const run = await runCli(["app", "--template", "bun-sqlit", "--yes"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Unknown template "bun-sqlit". Did you mean bun-sqlite?');
  });

  it("rejects a bad package manager and a bad database URL with exit 2", async () => {
    expect((await runCli(["app", "--pm", "yarnn", "--yes"], { cwd })).exitCode).toBe(2);
    const bad = await runCli(["app", "--database-url", "mysql://u:hunter2@h/db", "--yes"], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain("must start with postgresql://");
  });

  it("loads only what writing needs on a run that never prompts: fs-extra's chunk, not clack's, execa's or giget's", async () => {
    const hook = path.join(cwd, "loaded.cjs");
    const report = path.join(cwd, "loaded.json");
    writeFileSync(
      hook,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));\n`,
    );
    const run = await runCli(["lean-app", "--template", "node-postgres", "--no-install", "--no-git", "--yes"], { cwd, env: { NODE_OPTIONS: `--require ${hook}` } });
    expect(run.exitCode, run.all).toBe(0);
    const loaded = JSON.parse(readFileSync(report, "utf8")) as { builtins: string[]; files: string[] };
    const ours = loaded.files.filter((file) => file.includes(`${path.sep}create-authstack${path.sep}`)).map((file) => path.basename(file));
    expect(ours.sort()).toEqual(["create-authstack.cjs", "fs-extra.cjs", "index.cjs", "semver.cjs"]);
    for (const module of ["child_process", "readline"]) expect(loaded.builtins, module).not.toContain(`NativeModule ${module}`);
  });

  it("bundles every library as a chunk of its own, loaded when first needed", () => {
    const dist = path.join(path.dirname(inject("cli").bin), "../dist");
    expect(readdirSync(dist).sort()).toEqual(["babel-parser.cjs", "clack.cjs", "execa.cjs", "fs-extra.cjs", "giget.cjs", "index.cjs", "semver.cjs", "templates.br"]);
  });

  it("answers add --help, and refuses add without a plugin, with exit 2", async () => {
    const help = await runCli(["add", "--help"], { cwd });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Usage: create-authstack add <plugin…> [--dry-run] [--force]");
    const none = await runCli(["add"], { cwd });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("Name the plugins to add: create-authstack add <plugin…>");
  });

  it("rejects an unknown plugin with exit 2, naming it and the valid ids, and writes nothing", async () => {
    const run = await runCli(["plugged", "--plugins", "two-factor,sso", "--yes"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Unknown plugin "sso" in --plugins. Valid ids: two-factor, passkey, magic-link, admin (comma-separated), or none.');
    expect(readdirSync(cwd)).not.toContain("plugged");
  });

  it("writes the chosen plugins into the project, and --json and the command to run again carry them", async () => {
    const run = await runCli(["plugged-app", "--plugins", "admin,two-factor", "--no-install", "--no-git", "--json"], { cwd });
    expect(run.exitCode, run.all).toBe(0);
    const result = jsonLines(run.stdout).at(-1);
    expect(result).toMatchObject({ ok: true, plugins: ["two-factor", "admin"] });
    expect(result?.reproduce).toContain("--plugins two-factor,admin");
    const record = JSON.parse(readFileSync(path.join(cwd, "plugged-app", "authstack.json"), "utf8"));
    expect(record).toMatchObject({ template: "node-postgres", plugins: ["two-factor", "admin"] });
    expect(readFileSync(path.join(cwd, "plugged-app", "src/auth.ts"), "utf8")).toContain('twoFactor({ issuer: "plugged-app" })');
    expect(readdirSync(path.join(cwd, "plugged-app"))).not.toContain("plugins");
  });

  it("refuses plugins for a template that offers none, with exit 2", async () => {
    const run = await runCli(["plain", "--template", `${REPO_ROOT}/test/fixtures/tiny`, "--plugins", "admin", "--no-install", "--no-git", "--yes"], { cwd });
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stderr).toContain("This template does not offer the plugin admin: it offers none.");
    expect(readdirSync(cwd)).not.toContain("plain");
  });

  it("reports a usage error as the JSON result with --json", async () => {
    const run = await runCli(["--json", "--bogus"], { cwd });
    expect(run.exitCode).toBe(2);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ type: "result", ok: false, exitCode: 2, error: { kind: "usage" } });
  });
});
