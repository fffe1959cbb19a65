// PostgreSQL refuses to run as root. As root (containers, cloud VMs), it runs as the `postgres`
// user when there is one, else as `nobody`.
import { spawn } from "node:child_process";
import { LocalPostgresError } from "./errors.ts";
import { capture, type RunAs } from "./run.ts";

export async function postgresUser(): Promise<RunAs> {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const uid = await capture("id", ["-u", name]).catch(() => undefined);
    const gid = await capture("id", ["-g", name]).catch(() => undefined);
    if (uid && gid) return { uid: Number(uid.trim()), gid: Number(gid.trim()), name };
  }
  throw new LocalPostgresError(
    "You are root, PostgreSQL refuses to run as root, and there is no `postgres` (or `nobody`) user to run it as. " +
      "Create one (`useradd --system --no-create-home postgres`), run as a normal user, or set DATABASE_URL in .env " +
      "to a PostgreSQL server of your own.",
  );
}

/**
 * Whether that user can start `binary` where it is: false when a folder on the way is private to us
 * (a project in /root or in a `mktemp -d` folder). A binary that starts and then fails is reachable:
 * its own error shows when the server starts.
 */
export function canExecute(binary: string, runAs: NonNullable<RunAs>): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binary, ["--version"], { stdio: "ignore", uid: runAs.uid, gid: runAs.gid, cwd: "/" });
    child.on("error", () => resolve(false));
    child.on("close", () => resolve(true));
  });
}
