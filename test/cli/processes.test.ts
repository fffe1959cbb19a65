import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonLines, runCli, spawnCli } from "../support/cli.js";
import { githubStandIn, tarball } from "../support/github-stand-in.js";
import { FIXTURES } from "../support/paths.js";
import { tempDir } from "../support/temp.js";

/**
 * A stand-in npm first on PATH: answers --version, and for anything else records its pid and runs until killed
 * (FAKE_NPM_STUBBORN: ignoring SIGTERM and SIGINT too), so a test can see what became of the package manager.
 */
function fakeNpm(): { path: string; pidFile: string } {
  const bin = tempDir("authstack-fake-npm-");
  const pidFile = path.join(bin, "npm.pid");
  writeFileSync(
    path.join(bin, "npm"),
    `#!${process.execPath}
if (process.argv[2] === "--version") { console.log("11.0.0"); process.exit(0); }
if (process.env.FAKE_NPM_STUBBORN) { process.on("SIGTERM", () => {}); process.on("SIGINT", () => {}); }
require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
console.log("installing for ever");
setInterval(() => {}, 1000);
`,
  );
  chmodSync(path.join(bin, "npm"), 0o755);
  return { path: `${bin}${path.delimiter}${process.env.PATH}`, pidFile };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe("the package manager never outlives the CLI", () => {
  it("closing the terminal (SIGHUP) mid-install stops the package manager too", async () => {
    const cwd = tempDir();
    const npm = fakeNpm();
    const child = spawnCli(["hup", "--template", path.join(FIXTURES, "tiny"), "--no-git", "--yes"], { cwd, env: { PATH: npm.path } });
    expect(await until(() => existsSync(npm.pidFile))).toBe(true);
    const pid = Number(readFileSync(npm.pidFile, "utf8"));
    child.kill("SIGHUP");
    await child;
    expect(await until(() => !alive(pid), 5000), "npm still running after the CLI got SIGHUP").toBe(true);
  });

  it("a second Ctrl-C kills a package manager that ignores the first, and ends the CLI", async () => {
    const cwd = tempDir();
    const npm = fakeNpm();
    const child = spawnCli(["twice", "--template", path.join(FIXTURES, "tiny"), "--no-git", "--yes"], { cwd, env: { PATH: npm.path, FAKE_NPM_STUBBORN: "1" } });
    expect(await until(() => existsSync(npm.pidFile))).toBe(true);
    const pid = Number(readFileSync(npm.pidFile, "utf8"));
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 500));
    expect(alive(pid)).toBe(true);
    child.kill("SIGINT");
    const result = await child;
    expect(result.signal ?? result.exitCode).toBeTruthy();
    expect(await until(() => !alive(pid), 2000), "npm still running after the second Ctrl-C").toBe(true);
    expect(existsSync(path.join(cwd, "twice/package.json"))).toBe(true);
  });
});

describe("remote templates through giget, from the packed CLI", () => {
  let standIn: Awaited<ReturnType<typeof githubStandIn>>;
  const cache = tempDir("authstack-giget-cache-");
  beforeAll(async () => {
    standIn = await githubStandIn({
      "owner/good": {
        tarball: tarball((root) => {
          writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "remote-starter", scripts: {} }));
          writeFileSync(path.join(root, ".env.example"), "BETTER_AUTH_SECRET=\n");
        }),
      },
      "owner/portal": { html: "<!doctype html><title>Sign in to the network</title>" },
      "owner/slow": { hang: true },
    });
  });
  afterAll(() => standIn?.close());
  const env = (url = standIn.url) => ({ GIGET_GITHUB_URL: url, XDG_CACHE_HOME: cache });

  it("--offline writes a template downloaded before, with the host gone; one never downloaded is exit 1", async () => {
    const cwd = tempDir();
    const online = await runCli(["first", "--template", "gh:owner/good", "--no-install", "--no-git"], { cwd, env: env() });
    expect(online.exitCode, online.all).toBe(0);
    const offline = await runCli(["second", "--template", "gh:owner/good", "--offline", "--no-install", "--no-git"], { cwd, env: env("http://127.0.0.1:9") });
    expect(offline.exitCode, offline.all).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, "second/package.json"), "utf8")).name).toBe("second");
    expect(offline.stdout).toContain("--template gh:owner/good --pm npm --no-install --no-git --offline --yes");
    const missing = await runCli(["third", "--template", "gh:owner/never", "--offline", "--no-install", "--no-git"], { cwd, env: env("http://127.0.0.1:9") });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("The template gh:owner/never is not in giget's download cache, and --offline allows no network.");
    expect(missing.stderr).toContain("Run the same command once without --offline");
    expect(readdirSync(cwd).sort()).toEqual(["first", "second"]);
  });

  it("1: an HTML page answered in place of the archive is named as such", async () => {
    const cwd = tempDir();
    const run = await runCli(["portal", "--template", "gh:owner/portal", "--yes"], { cwd, env: env() });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("the answer was not a template archive. A captive portal, a proxy or a sign-in page may have answered");
    expect(run.stderr).not.toMatch(/incorrect header check|TAR_BAD_ARCHIVE/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("130: Ctrl-C during a download that hangs ends the CLI at once, with nothing written", async () => {
    const cwd = tempDir();
    const child = spawnCli(["slow", "--template", "gh:owner/slow", "--yes", "--json"], { cwd, env: env() });
    expect(await until(() => standIn.requests.some((r) => r.url.startsWith("/repos/owner/slow/")))).toBe(true);
    const sent = Date.now();
    child.kill("SIGINT");
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(jsonLines(String(result.stdout)).at(-1)).toMatchObject({ type: "result", exitCode: 130, error: { kind: "cancelled" } });
    expect(readdirSync(cwd)).toEqual([]);
  });
});
