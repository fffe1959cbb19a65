// Where this project's cluster lives. Normally in the project, .data/postgres, so it moves and
// copies along with it. As root, PostgreSQL runs as another user; when that user cannot reach the
// project (a private folder such as /root/app or `mktemp -d`), the cluster and a copy of the
// binaries live in a folder it can reach, named by an id kept in .data/postgres-id.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { say } from "./errors.ts";
import { copiedBinaries, type Binaries, type InstalledBinaries } from "./postgres-binaries.ts";
import { canExecute } from "./postgres-user.ts";
import { run, type RunAs } from "./run.ts";

// FHS's place for state kept across reboots (not /var/tmp: its cleaner would delete old cluster files).
const DEFAULT_OUTSIDE_HOME = "/var/lib/authstack/postgres";

export type Cluster = { dataDir: string; bin: Binaries };

export type Ownership = "ours" | "new" | "moved" | "copied";

/**
 * Who an outside cluster belongs to, from the project path recorded beside it: still the project
 * there (its .data/postgres-id names the same cluster), then we are a copy and need our own; gone or
 * renamed, then this project was moved and takes it over.
 */
export function ownership(recordedOwner: string | undefined, projectRoot: string, ownerStillClaimsIt: boolean): Ownership {
  if (recordedOwner === undefined) return "new";
  if (recordedOwner === projectRoot) return "ours";
  return ownerStillClaimsIt ? "copied" : "moved";
}

const readText = (file: string) => readFile(file, "utf8").then((text) => text.trim(), () => undefined);
const newId = () => randomBytes(8).toString("hex");

export async function locateCluster(projectRoot: string, installed: InstalledBinaries, runAs: RunAs): Promise<Cluster> {
  const dataRoot = path.join(projectRoot, ".data");
  const inProject: Cluster = { dataDir: path.join(dataRoot, "postgres"), bin: installed };
  const idFile = path.join(dataRoot, "postgres-id");
  let id = await readText(idFile);
  if (!runAs) return inProject;
  if (!id && (await canExecute(installed.postgres, runAs))) return inProject;

  const outside = process.env.AUTHSTACK_POSTGRES_HOME?.trim() || DEFAULT_OUTSIDE_HOME;
  id ??= newId();
  let home = path.join(outside, id);
  const recordedOwner = await readText(path.join(home, "project"));
  const owner = ownership(
    recordedOwner,
    projectRoot,
    recordedOwner !== undefined && (await readText(path.join(recordedOwner, ".data", "postgres-id"))) === id,
  );
  let seedFrom = existsSync(path.join(inProject.dataDir, "PG_VERSION")) ? inProject.dataDir : undefined;
  if (owner === "copied") {
    seedFrom = path.join(home, "data");
    id = newId();
    home = path.join(outside, id);
  }
  await mkdir(home, { recursive: true, mode: 0o755 });
  await writeFile(idFile, `${id}\n`);
  if (owner !== "ours") await writeFile(path.join(home, "project"), `${projectRoot}\n`);

  const dataDir = path.join(home, "data");
  if (seedFrom && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A copy of the original's data (or of the in-project cluster of a project moved into a
    // private folder), so the project keeps its tables and rows. cp -a keeps the owner.
    await rm(dataDir, { recursive: true, force: true });
    await run("cp", ["-a", seedFrom, dataDir], undefined);
    await rm(path.join(dataDir, "postmaster.pid"), { force: true });
    await run("chown", ["-R", `${runAs.uid}:${runAs.gid}`, dataDir], undefined);
  }
  const bin = await copiedBinaries(installed, path.join(outside, "bin"));
  say(
    `${projectRoot} is private to you, so PostgreSQL (running as ${runAs.name}) keeps this project's cluster in ${dataDir} ` +
      `(its id is in .data/postgres-id; delete both to start over)`,
  );
  return { dataDir, bin };
}
