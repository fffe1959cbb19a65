import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpAndIn, startDev, type RunningApp } from "../support/app.js";
import { jsonLines, runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

/**
 * node-postgres's zero-setup PostgreSQL, per project: several projects serving at once (no shared port), as root from
 * private 0700 folders (where the `postgres` user cannot enter the project), a copied project beside its original,
 * recovery after kill -9, and no server left once `dev` stops. One install, shared: the second project is scaffolded
 * without one and gets the first one's node_modules.
 */
const OUTSIDE_HOME = "/var/lib/authstack/postgres";
const AUTH_TABLES = ["account", "apikey", "invitation", "jwks", "member", "organization", "rate_limit", "session", "user", "verification"];

/** A private folder exactly as `mktemp -d` makes it (0700), removed after the file. Not made reachable on purpose. */
function privateDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  return dir;
}

/** Where a project's cluster is: outside the project when it lives in a folder PostgreSQL's user cannot reach. */
function clusterDir(project: string): string {
  const idFile = path.join(project, ".data", "postgres-id");
  return existsSync(idFile) ? path.join(OUTSIDE_HOME, readFileSync(idFile, "utf8").trim(), "data") : path.join(project, ".data", "postgres");
}

/** Every process working in that data directory: the postmaster chdirs there and its children inherit it. */
function serverProcesses(dataDir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`) === dataDir) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

async function waitForNoServer(dataDir: string, withinMs: number): Promise<number> {
  const start = Date.now();
  while (serverProcesses(dataDir).length > 0) {
    if (Date.now() - start > withinMs) throw new Error(`PostgreSQL of ${dataDir} still runs ${withinMs} ms later: pids ${serverProcesses(dataDir).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - start;
}

/** What the project recorded about its running server. */
function serverState(project: string): { port: number; pid: number; dataDir: string; watchdog?: number } {
  return JSON.parse(readFileSync(path.join(project, ".data", "postgres.json"), "utf8"));
}

function tablesOf(result: { stdout: string }): string[] {
  const line = result.stdout.split("\n").find((l) => l.startsWith('{"tables"'));
  return line ? (JSON.parse(line) as { tables: string[] }).tables : [];
}

describe("node-postgres zero-setup PostgreSQL, one per project", () => {
  const folders: string[] = [];
  // Reachable by PostgreSQL's user (0755), unlike the private folders below.
  const open = tempDir("authstack-e2e-lpg-open-");
  const clusters = new Set<string>();
  const apps: RunningApp[] = [];
  let first = "";
  let second = "";

  const dev = async (project: string) => {
    const app = await startDev(project, ["npm", "run", "dev"]);
    apps.push(app);
    clusters.add(path.dirname(clusterDir(project)));
    return app;
  };
  const stopDev = async (app: RunningApp) => {
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
  };

  beforeAll(async () => {
    const one = privateDir("authstack-e2e-lpg-one-");
    const two = privateDir("authstack-e2e-lpg-two-");
    folders.push(one, two);
    first = path.join(one, "first");
    second = path.join(two, "second");

    const created = await runCli(["first", "--template", "node-postgres", "--pm", "npm", "--no-git", "--json"], { cwd: one });
    expect(created.exitCode, created.all).toBe(0);
    expect(jsonLines(created.stdout).at(-1)).toMatchObject({ installed: true, migrated: true, tables: { found: 10, expected: 10 } });
    clusters.add(path.dirname(clusterDir(first)));

    const scaffolded = await runCli(["second", "--template", "node-postgres", "--pm", "npm", "--no-install", "--no-git", "--json"], { cwd: two });
    expect(scaffolded.exitCode, scaffolded.all).toBe(0);
    execFileSync("cp", ["-a", path.join(first, "node_modules"), path.join(second, "node_modules")]);
    const migrated = await run("npm", ["run", "db:migrate"], second);
    expect(migrated.exitCode, migrated.all).toBe(0);
    clusters.add(path.dirname(clusterDir(second)));
  });

  afterAll(async () => {
    for (const app of [...apps]) await app.stop();
    // The clusters of projects in private folders live outside them: remove those too (after their servers stopped).
    for (const cluster of clusters) {
      if (cluster.startsWith(`${OUTSIDE_HOME}/`)) await waitForNoServer(path.join(cluster, "data"), 15_000).catch(() => undefined);
      if (cluster.startsWith(`${OUTSIDE_HOME}/`)) rmSync(cluster, { recursive: true, force: true });
    }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("keeps each project's cluster where its server's user can reach it, and says where", () => {
    const root = process.getuid?.() === 0;
    for (const project of [first, second]) {
      expect(existsSync(path.join(project, ".data", "postgres-id"))).toBe(root);
    }
    expect(clusterDir(first)).not.toBe(clusterDir(second));
    // No server runs between commands.
    expect(serverProcesses(clusterDir(first))).toEqual([]);
    expect(existsSync(path.join(first, ".data", "postgres.json"))).toBe(false);
  });

  it("serves two projects' dev at once, each on its own server, and a migration beside a running dev", async () => {
    const [a, b] = await Promise.all([dev(first), dev(second)]);
    await Promise.all([signUpAndIn(a.url), signUpAndIn(b.url)]);

    const urls = [first, second].map(serverState);
    expect(urls[0]!.port).not.toBe(urls[1]!.port);
    expect(urls.map((u) => u.dataDir)).toEqual([clusterDir(first), clusterDir(second)]);

    // Another command of the same project reuses its running server, and leaves it running for dev.
    const migrate = await run("npm", ["run", "db:migrate"], first);
    expect(migrate.exitCode, migrate.all).toBe(0);
    expect(migrate.all).toContain("No pending migrations");
    expect(migrate.all).not.toContain("starting on");
    await signUpAndIn(a.url);

    const pids = serverProcesses(clusterDir(first));
    expect(pids.length).toBeGreaterThan(0);
    // SIGTERM to each dev's process group, as a terminal's Ctrl-C or a process manager sends it.
    const stopping = Date.now();
    await Promise.all([stopDev(a), stopDev(b)]);
    await Promise.all([waitForNoServer(clusterDir(first), 10_000), waitForNoServer(clusterDir(second), 10_000)]);
    console.log(`both servers gone ${Date.now() - stopping} ms after SIGTERM to dev`);
    expect(existsSync(path.join(first, ".data", "postgres.json"))).toBe(false);
  });

  it("stops a server left by dev killed with -9, and takes over one whose watchdog was killed too", async () => {
    // dev killed outright: the server's watchdog sees no command of the project left and stops it.
    const app = await dev(first);
    process.kill(-app.pid, "SIGKILL");
    await stopDev(app);
    console.log(`server gone ${await waitForNoServer(clusterDir(first), 10_000)} ms after kill -9 of dev`);

    // dev and the watchdog killed outright: the server stays, and the next command reuses it, then stops it.
    const again = await dev(first);
    const left = serverState(first);
    process.kill(-again.pid, "SIGKILL");
    process.kill(left.watchdog!, "SIGKILL");
    await stopDev(again);
    expect(serverProcesses(clusterDir(first))).toContain(left.pid);
    const tables = await run("npm", ["run", "db:tables"], first);
    expect(tables.exitCode, tables.all).toBe(0);
    expect(tables.all).not.toContain("starting on");
    expect(tablesOf(tables)).toEqual(expect.arrayContaining(AUTH_TABLES));
    await waitForNoServer(clusterDir(first), 10_000);
  });

  it("restarts a server killed with -9 on the same data, on the same port for a dev still running", async () => {
    const app = await dev(first);
    const before = serverState(first);
    process.kill(before.pid, "SIGKILL");
    // The next command of the project restarts it where the running dev's app expects it.
    const tables = await run("npm", ["run", "db:tables"], first);
    expect(tables.exitCode, tables.all).toBe(0);
    expect(tables.all).toContain(`starting on 127.0.0.1:${before.port}`);
    expect(tablesOf(tables)).toEqual(expect.arrayContaining(AUTH_TABLES));
    await signUpAndIn(app.url);

    // dev and the server both killed: the next dev starts afresh on the same data.
    const { pid } = serverState(first);
    expect(pid).not.toBe(before.pid);
    process.kill(-app.pid, "SIGKILL");
    process.kill(pid, "SIGKILL");
    await stopDev(app);
    const revived = await dev(first);
    await signUpAndIn(revived.url);
    await stopDev(revived);
    await waitForNoServer(clusterDir(first), 10_000);
  });

  it("keeps the server while another command of the project still uses it", async () => {
    const [a, b] = [await dev(first), await dev(first)];
    const { pid } = serverState(first);
    await stopDev(a);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(serverProcesses(clusterDir(first))).toContain(pid);
    await signUpAndIn(b.url);
    await stopDev(b);
    await waitForNoServer(clusterDir(first), 10_000);
  });

  it("runs a copy of a project beside the original, on its own server with the original's data", async () => {
    const three = privateDir("authstack-e2e-lpg-copy-");
    folders.push(three);
    const original = await dev(first);
    await signUpAndIn(original.url);
    // Copied while the original's server runs: its postmaster.pid, state and leases come along.
    const copy = path.join(three, "copy");
    execFileSync("cp", ["-a", first, copy]);

    const copied = await dev(copy);
    expect(clusterDir(copy)).not.toBe(clusterDir(first));
    await Promise.all([signUpAndIn(copied.url), signUpAndIn(original.url)]);

    await stopDev(copied);
    await waitForNoServer(clusterDir(copy), 10_000);
    // The original's server was not touched by the copy's stop.
    expect(serverProcesses(clusterDir(first)).length).toBeGreaterThan(0);
    await signUpAndIn(original.url);
    await stopDev(original);
    await waitForNoServer(clusterDir(first), 10_000);

    const tables = await run("npm", ["run", "db:tables"], copy);
    expect(tables.exitCode, tables.all).toBe(0);
    expect(tablesOf(tables)).toEqual(expect.arrayContaining([...AUTH_TABLES, "project", "task"]));
  });
  it("keeps a moved project's data and server", async () => {
    const four = privateDir("authstack-e2e-lpg-moved-");
    folders.push(four);
    const cluster = clusterDir(second);
    const signedUp = await dev(second);
    await signUpAndIn(signedUp.url);
    await stopDev(signedUp);
    await waitForNoServer(cluster, 10_000);

    const moved = path.join(four, "moved");
    execFileSync("mv", [second, moved]);
    const tables = await run("npm", ["run", "db:tables"], moved);
    expect(tables.exitCode, tables.all).toBe(0);
    expect(tablesOf(tables)).toEqual(expect.arrayContaining([...AUTH_TABLES, "project", "task"]));
    expect(clusterDir(moved)).toBe(cluster);
    const app = await dev(moved);
    await signUpAndIn(app.url);
    await stopDev(app);
    await waitForNoServer(cluster, 10_000);
  });
  it("keeps the cluster inside a project its server's user can reach, and a copy made while it runs gets its own", async () => {
    const project = path.join(open, "open");
    execFileSync("cp", ["-a", first, project]);
    rmSync(path.join(project, ".data"), { recursive: true, force: true });
    const migrated = await run("npm", ["run", "db:migrate"], project);
    expect(migrated.exitCode, migrated.all).toBe(0);
    expect(clusterDir(project)).toBe(path.join(project, ".data", "postgres"));

    const original = await dev(project);
    const copy = path.join(open, "open-copy");
    execFileSync("cp", ["-a", project, copy]);
    // The copy's postmaster.pid names the original's live server: the copy must start its own.
    const copied = await dev(copy);
    await Promise.all([signUpAndIn(original.url), signUpAndIn(copied.url)]);
    expect(serverState(copy).pid).not.toBe(serverState(project).pid);
    await Promise.all([stopDev(original), stopDev(copied)]);
    await Promise.all([waitForNoServer(clusterDir(project), 10_000), waitForNoServer(clusterDir(copy), 10_000)]);
  });

  // As root only: the folder must belong to someone else than the user running the command.
  it.skipIf(process.getuid?.() !== 0)("says what to do in a project folder it cannot write (as root: run as nobody)", async () => {
    const project = path.join(open, "open");
    // tsx keeps a cache in the temp folder: give that user one it can write.
    const tmp = mkdtempSync(path.join(open, "tmp-"));
    chmodSync(tmp, 0o777);
    const result = await run("runuser", ["-u", "nobody", "--", "env", `HOME=${tmp}`, `TMPDIR=${tmp}`, "node", "--import", "tsx", "scripts/db-tables.ts"], project);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`keeps its state in ${path.join(project, ".data")}, but this folder cannot be written (EACCES)`);
    expect(result.all).toContain("set DATABASE_URL in .env");
    expect(result.all).not.toMatch(/\n\s+at /);
  });
});
