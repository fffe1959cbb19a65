// One cluster's server process: create it (initdb), start it on a free port (pg_ctl, which
// detaches it from our process group, so Ctrl-C in the terminal reaches the app, not the database),
// and stop it.
import { appendFile, chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { isProcessAlive } from "../../src/db/local-url.ts";
import { LocalPostgresError, say } from "./errors.ts";
import type { Cluster } from "./postgres-cluster.ts";
import { installedBinaries } from "./postgres-binaries.ts";
import { readPostmasterPid } from "./postmaster.ts";
import { run, type RunAs } from "./run.ts";

export const LOCAL_USER = "authstack";
export const LOCAL_PASSWORD = "authstack";

export async function initialise(cluster: Cluster, runAs: RunAs): Promise<void> {
  const shown = path.relative(process.cwd(), cluster.dataDir);
  say(`first use: creating a PostgreSQL cluster in ${shown && !shown.startsWith("..") ? shown : cluster.dataDir}`);
  await mkdir(cluster.dataDir, { recursive: true });
  // Beside the data directory: the user PostgreSQL runs as can read it there.
  const passwordFile = `${cluster.dataDir}.pwfile-${process.pid}`;
  await writeFile(passwordFile, `${LOCAL_PASSWORD}\n`, { mode: 0o600 });
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
        `--username=${LOCAL_USER}`,
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

/** `wanted` when it is free on 127.0.0.1, else any free port. */
function freePort(wanted = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => (wanted !== 0 && error.code === "EADDRINUSE" ? resolve(freePort()) : reject(error)));
    server.listen(wanted, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Failures worth another try: the port was taken between choosing and binding it, or the processes
// of a server killed with -9 still hold its shared memory for a moment.
const RETRYABLE = /Address already in use|could not bind|pre-existing shared memory block|lock file .* already exists/i;

/**
 * `previousPort`: the port of a server that died without stopping. Taking it again when free lets
 * a `dev` that is still running (it was handed that URL) reconnect to the new server.
 */
export async function startServer(cluster: Cluster, runAs: RunAs, previousPort = 0): Promise<{ port: number; pid: number }> {
  const log = path.join(cluster.dataDir, "server.log");
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(attempt === 1 ? previousPort : 0);
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

/** Fast shutdown (SIGINT: ends sessions, checkpoints), then immediate if it hangs. */
export async function stopServer(state: { pid: number; dataDir: string }): Promise<void> {
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
