// A throwaway PostgreSQL 15 for the bench's full runs: the machine's own server binaries, loopback, a free port,
// fsync off. PostgreSQL refuses to run as root, so as root it runs as the postgres user.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

/** Starts the server under `work`; returns undefined when the binaries are not installed. */
export async function startPostgres15(work) {
  if (!existsSync(path.join(BIN, "initdb"))) return undefined;
  const root = path.join(work, "pg");
  mkdirSync(root);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(root, uid("-u"), uid("-g"));
  const run = (bin, args) =>
    execFileSync(asRoot ? "runuser" : path.join(BIN, bin), asRoot ? ["-u", "postgres", "--", path.join(BIN, bin), ...args] : args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TZ: "UTC" },
    });
  const data = path.join(root, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  run("pg_ctl", ["-D", data, "-w", "-l", path.join(root, "log"), "-o", `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC`, "start"]);
  return {
    /** A new, empty database; returns its URL. */
    database(name) {
      run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    },
  };
}

const uid = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());

/** A port nothing listens on now, on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
