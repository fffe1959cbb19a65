// One project's commands agree on starting and stopping its server through a lock file and one
// lease file per command (named by pid) under .data/. Both hold the project's path, so files that
// came along with a copied project are recognised as someone else's.
import { link, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "../../src/db/local-url.ts";
import { LocalPostgresError } from "./errors.ts";

const LOCK_TIMEOUT_MS = 120_000;
let drafts = 0;

/** A lock or lease file held by a live command of this project (not a crashed one, not a copy's). */
export function isLiveHolder(content: string, projectRoot: string, isAlive: (pid: number) => boolean = isProcessAlive): boolean {
  const [pidLine, root] = content.split("\n");
  const pid = Number(pidLine);
  return root === projectRoot && Number.isInteger(pid) && pid > 0 && isAlive(pid);
}

export async function withProjectLock<T>(dataRoot: string, projectRoot: string, work: () => Promise<T>): Promise<T> {
  const lockFile = path.join(dataRoot, "postgres.lock");
  // The lock appears whole, as a link to a file already written: a holder killed at any moment
  // (kill -9) leaves a lock naming a dead pid, which the next command removes, never an empty one.
  const draft = `${lockFile}.${process.pid}.${(drafts += 1)}`;
  await writeFile(draft, `${process.pid}\n${projectRoot}\n`);
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  try {
    for (;;) {
      try {
        await link(draft, lockFile);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = await readFile(lockFile, "utf8").catch(() => undefined);
        if (holder !== undefined && !isLiveHolder(holder, projectRoot)) {
          await rm(lockFile, { force: true });
          continue;
        }
        if (Date.now() > deadline) {
          throw new LocalPostgresError(
            `Another command of this project has been starting or stopping its local PostgreSQL for ${LOCK_TIMEOUT_MS / 1000} s ` +
              `(lock: ${lockFile}, held by pid ${holder?.split("\n")[0]}). Wait for it or stop it, then try again.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await rm(draft, { force: true });
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

function clientsDir(dataRoot: string): string {
  return path.join(dataRoot, "postgres-clients");
}

export async function addLease(dataRoot: string, projectRoot: string): Promise<string> {
  await mkdir(clientsDir(dataRoot), { recursive: true });
  const file = path.join(clientsDir(dataRoot), String(process.pid));
  await writeFile(file, `${process.pid}\n${projectRoot}\n`);
  return file;
}

/** How many other commands of this project hold a lease; removes the leases of dead ones and of copies. */
export async function otherLiveLeases(dataRoot: string, projectRoot: string, ownFile: string): Promise<number> {
  let live = 0;
  for (const name of await readdir(clientsDir(dataRoot)).catch(() => [] as string[])) {
    const file = path.join(clientsDir(dataRoot), name);
    if (file === ownFile) continue;
    const content = await readFile(file, "utf8").catch(() => "");
    if (isLiveHolder(content, projectRoot)) live += 1;
    else await rm(file, { force: true });
  }
  return live;
}
