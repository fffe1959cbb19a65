import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCli, spawnCli } from "../support/cli.js";
import { FIXTURES } from "../support/paths.js";
import { tempDir } from "../support/temp.js";

describe("exit codes", () => {
  it("3: the install fails; the project is kept with the log tail and the command to retry", async () => {
    const cwd = tempDir();
    const run = await runCli(["broken", "--template", path.join(FIXTURES, "failing-install"), "--no-git", "--yes"], { cwd });
    expect(run.exitCode).toBe(3);
    expect(existsSync(path.join(cwd, "broken/package.json"))).toBe(true);
    expect(existsSync(path.join(cwd, "broken/.env"))).toBe(true);
    expect(run.all).toContain("deliberate install failure");
    expect(run.stdout).toMatch(/Full install log: .+broken-install-\d+\.log/);
    expect(run.stdout).toContain("cd broken");
    expect(run.stdout).toContain("npm install");
    const log = /Full install log: (\S+)/.exec(run.stdout)![1]!;
    expect(readFileSync(log, "utf8")).toContain("line one of the install");
  });

  it("3: the migration leaves auth tables missing; the result names them", async () => {
    const cwd = tempDir();
    const run = await runCli(["half", "--template", path.join(FIXTURES, "tiny"), "--no-git", "--json"], {
      cwd,
      env: { TINY_TABLES: "user,session,account" },
    });
    expect(run.exitCode).toBe(3);
    const result = jsonLines(run.stdout).at(-1)!;
    expect(result).toMatchObject({ ok: false, installed: true, migrated: false, tables: { found: 3, expected: 10 } });
    expect(result.tables.missing).toEqual(["verification", "organization", "member", "invitation", "jwks", "apikey", "rate_limit"]);
    expect(result.next).toEqual(["cd half", "npm run db:migrate", "npm run dev"]);
  });

  it("1: a template folder without package.json; nothing is written", async () => {
    const cwd = tempDir();
    const notATemplate = path.join(cwd, "not-a-template");
    mkdirSync(notATemplate);
    writeFileSync(path.join(notATemplate, "README.md"), "hi");
    const run = await runCli(["out", "--template", "./not-a-template", "--yes"], { cwd });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("has no package.json at its root");
    expect(readdirSync(cwd)).toEqual(["not-a-template"]);
  });

  it("1: a template with a link pointing outside it is refused before anything is written", async () => {
    const cwd = tempDir();
    const evil = path.join(cwd, "evil");
    mkdirSync(evil);
    writeFileSync(path.join(evil, "package.json"), "{}");
    symlinkSync("/etc/passwd", path.join(evil, "passwd"));
    symlinkSync("../../", path.join(evil, "up"));
    const run = await runCli(["out", "--template", "./evil", "--yes"], { cwd });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("passwd (a symbolic link to something outside the template or a folder)");
    expect(run.stderr).toContain("up (a symbolic link");
    expect(readdirSync(cwd).sort()).toEqual(["evil"]);
  });

  it("130: Ctrl-C during the install stops it, keeps the project, and says what is left", async () => {
    const cwd = tempDir();
    const child = spawnCli(["slow", "--template", path.join(FIXTURES, "slow-install"), "--no-git", "--json"], { cwd });
    let output = "";
    await new Promise<void>((resolve) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('"step":"install","status":"started"')) resolve();
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    const last = jsonLines(String(result.stdout)).at(-1)!;
    expect(last).toMatchObject({ type: "result", exitCode: 130, installed: false, notRun: ["migrate"] });
    expect(last.steps[0]).toMatchObject({ name: "install", status: "cancelled" });
    expect(last.next).toEqual(["cd slow", "npm install", "npm run db:migrate", "npm run dev"]);
    expect(existsSync(path.join(cwd, "slow/package.json"))).toBe(true);
  });
});

// The machine's own git identity may be missing; a first commit needs one.
const GIT_IDENTITY = { GIT_AUTHOR_NAME: "CLI Test", GIT_AUTHOR_EMAIL: "cli@example.com", GIT_COMMITTER_NAME: "CLI Test", GIT_COMMITTER_EMAIL: "cli@example.com" };
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" });

describe("git after a failed step", () => {
  it("3: a failed install still leaves a first commit, and the summary lists the install and the migration", async () => {
    const cwd = tempDir();
    const run = await runCli(["broken", "--template", path.join(FIXTURES, "failing-install"), "--json"], { cwd, env: GIT_IDENTITY });
    expect(run.exitCode, run.all).toBe(3);
    const result = jsonLines(run.stdout).at(-1)!;
    expect(result.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual(["install:failed", "git:done"]);
    expect(result.notRun).toEqual(["migrate"]);
    expect(result.next).toEqual(["cd broken", "npm install", "npm run db:migrate", "npm run dev"]);
    const project = path.join(cwd, "broken");
    expect(git(project, "log", "--format=%s")).toBe("Initial commit from create-authstack\n");
    expect(git(project, "ls-files", ".env")).toBe("");
    expect(git(project, "ls-files")).toContain("package.json");
  });

  it("3: a failed migration still leaves a first commit without the database files", async () => {
    const cwd = tempDir();
    const run = await runCli(["half", "--template", path.join(FIXTURES, "tiny"), "--yes"], { cwd, env: { ...GIT_IDENTITY, TINY_TABLES: "user" } });
    expect(run.exitCode, run.all).toBe(3);
    expect(run.stdout).toContain("Created a git repository with a first commit");
    expect(run.stdout).toMatch(/To finish, run[\s\S]*npm run db:migrate/);
    const project = path.join(cwd, "half");
    expect(git(project, "log", "--format=%s")).toBe("Initial commit from create-authstack\n");
    expect(git(project, "ls-files", ".data", ".env", "node_modules")).toBe("");
  });
});

describe("preflight: a step that cannot work here stops before anything is written", () => {
  // A PATH with Node and npm and nothing else, whatever the machine has installed.
  const bare = tempDir("authstack-bare-path-");
  symlinkSync(process.execPath, path.join(bare, "node"));
  symlinkSync(realpathSync(execFileSync("which", ["npm"], { encoding: "utf8" }).trim()), path.join(bare, "npm"));
  const env = { PATH: bare };

  it("2: bun-sqlite without Bun on PATH names the fix and --no-install", async () => {
    const cwd = tempDir();
    const run = await runCli(["no-bun", "--template", "bun-sqlite", "--pm", "npm", "--no-git", "--yes"], { cwd, env });
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stderr).toContain("This template runs on Bun, and bun was not found on PATH, so it cannot install and migrate here. Nothing was written.");
    expect(run.stderr).toContain("npm install -g bun");
    expect(run.stderr).toContain("--no-install");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("0: bun-sqlite without Bun but with --no-install writes the files", async () => {
    const cwd = tempDir();
    const run = await runCli(["files-only", "--template", "bun-sqlite", "--pm", "npm", "--no-install", "--no-git"], { cwd, env });
    expect(run.exitCode, run.all).toBe(0);
    expect(existsSync(path.join(cwd, "files-only/package.json"))).toBe(true);
  });

  it("2: a package manager asked for with --pm that is not installed, in --json with the fix as a hint", async () => {
    const cwd = tempDir();
    const run = await runCli(["no-pnpm", "--template", path.join(FIXTURES, "tiny"), "--pm", "pnpm", "--no-git", "--json"], { cwd, env });
    expect(run.exitCode, run.all).toBe(2);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({
      type: "result",
      exitCode: 2,
      error: { kind: "usage", message: expect.stringContaining("pnpm was not found on PATH"), hint: expect.stringContaining("npm install -g pnpm") },
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  const node = process.versions.node;
  it.skipIf(Number(node.split(".")[0]) >= 22)(`2: cloudflare on Node ${node}, older than wrangler needs (skipped on Node >= 22: nothing to refuse)`, async () => {
    const cwd = tempDir();
    const run = await runCli(["edge", "--template", "cloudflare", "--no-git", "--yes"], { cwd, node: process.execPath });
    expect(run.exitCode, run.all).toBe(2);
    expect(run.stderr).toContain(`This template's tools need Node >=22.18.0, and this is Node ${node}, so it cannot install and migrate here.`);
    expect(run.stderr).toContain("nvm install 22");
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("remote templates", () => {
  let server: Server;
  let base: string;
  const served = tempDir("authstack-remote-");

  beforeAll(async () => {
    // A stand-in for GitHub's tarball API on loopback: the CLI reads its address from GIGET_GITHUB_URL (giget's name, kept).
    const tarball = (name: string, setup: (root: string) => void) => {
      const root = path.join(served, name, "owner-repo-abc123");
      mkdirSync(root, { recursive: true });
      setup(root);
      execFileSync("tar", ["-czf", path.join(served, `${name}.tar.gz`), "-C", path.join(served, name), "owner-repo-abc123"]);
    };
    tarball("good", (root) => {
      mkdirSync(path.join(root, "starter"));
      writeFileSync(path.join(root, "starter/package.json"), JSON.stringify({ name: "remote-starter", scripts: {} }));
      writeFileSync(path.join(root, "starter/.env.example"), "BETTER_AUTH_SECRET=\n");
      writeFileSync(path.join(root, "starter/_gitignore"), ".env\n");
    });
    tarball("evil", (root) => {
      writeFileSync(path.join(root, "package.json"), "{}");
      symlinkSync("/etc/hostname", path.join(root, "hostname"));
    });
    server = createServer((req, res) => {
      const match = /^\/repos\/owner\/(good|evil)\/tarball\//.exec(req.url ?? "");
      if (!match) return void res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": "application/gzip" });
      res.end(readFileSync(path.join(served, `${match[1]}.tar.gz`)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server?.close());

  const env = () => ({ GIGET_GITHUB_URL: base, XDG_CACHE_HOME: path.join(served, "cache") });

  it("downloads gh:owner/repo/subdir#ref and writes it like a bundled one", async () => {
    const cwd = tempDir();
    const run = await runCli(["from-remote", "--template", "gh:owner/good/starter#main", "--no-install", "--no-git"], { cwd, env: env() });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, "from-remote/package.json"), "utf8")).name).toBe("from-remote");
    expect(readFileSync(path.join(cwd, "from-remote/.env"), "utf8")).toMatch(/^BETTER_AUTH_SECRET=.{43}$/m);
    expect(existsSync(path.join(cwd, "from-remote/.gitignore"))).toBe(true);
  });

  it("refuses a remote template whose links point outside it", async () => {
    const cwd = tempDir();
    const run = await runCli(["bad", "--template", "gh:owner/evil", "--yes"], { cwd, env: env() });
    expect(run.exitCode).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("1: an unreachable host is a clear error, not a stack trace", async () => {
    const cwd = tempDir();
    const run = await runCli(["x", "--template", "gh:owner/missing", "--yes"], {
      cwd,
      env: { GIGET_GITHUB_URL: "http://127.0.0.1:9", XDG_CACHE_HOME: path.join(served, "cache") },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("Could not download the template gh:owner/missing");
    expect(run.stderr).toContain("Check the source");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
