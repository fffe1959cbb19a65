// PostgreSQL's own record of a running server: `postmaster.pid` in the data directory. Line 1 is the
// pid, line 2 the data directory it was started with, line 4 the port, line 8 the status.
import { existsSync, readdirSync, readlinkSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

export type PostmasterPid = { pid: number; dataDir: string; port: number; ready: boolean };

export function parsePostmasterPid(text: string): PostmasterPid | undefined {
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const dataDir = lines[1]?.trim();
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !dataDir) return undefined;
  return { pid, dataDir, port, ready: lines[7]?.trim() === "ready" };
}

export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | undefined> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  return text === undefined ? undefined : parsePostmasterPid(text);
}

export type Probe = { cwdOf(pid: number): string | undefined; exists(file: string): boolean };

const SYSTEM: Probe = { cwdOf: procCwd, exists: existsSync };

/**
 * Whether the live server in the file serves `dataDir`, or the folder this one was copied from (a
 * copied project carries the original's postmaster.pid along). A project moved while its server
 * runs keeps a server whose recorded path is the old one: the old path is gone then, and on Linux
 * the server's working directory has moved along.
 */
export function servesDataDir(record: PostmasterPid, dataDir: string, probe: Probe = SYSTEM): boolean {
  if (path.resolve(record.dataDir) === path.resolve(dataDir)) return true;
  const cwd = probe.cwdOf(record.pid);
  if (cwd !== undefined) return path.resolve(cwd) === path.resolve(dataDir);
  return !probe.exists(path.join(record.dataDir, "PG_VERSION"));
}

function procCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/**
 * After the server was killed (-9): its backends exit on their own within a moment. Once they are
 * gone, the lock file is removed, because PostgreSQL would refuse to start while the dead server's
 * pid is still a zombie that nobody reaps (a container without an init). Linux only: elsewhere
 * PostgreSQL's own stale-lock check is enough.
 */
export async function clearDeadServer(dataDir: string): Promise<void> {
  if (process.platform !== "linux") return;
  for (const until = Date.now() + 10_000; Date.now() < until && processesIn(dataDir) > 0; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (processesIn(dataDir) === 0) await rm(path.join(dataDir, "postmaster.pid"), { force: true });
}

// Processes working in the data directory: the server chdirs there and its children inherit it.
function processesIn(dataDir: string): number {
  let count = 0;
  for (const name of readdirSync("/proc")) {
    if (/^\d+$/.test(name) && procCwd(Number(name)) === dataDir) count += 1;
  }
  return count;
}
