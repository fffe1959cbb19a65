// The decisions the zero-setup PostgreSQL makes from files that may have come along with a copied
// or moved project: whose server a record describes, whose lease or lock a file is, whose cluster.
import { mkdir, mkdtemp, readlink, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isLocalDatabaseUrl, localDatabaseUrl, parseServerState } from "../src/db/local-url.ts";
import { linkLibraries } from "../scripts/lib/postgres-binaries.ts";
import { ownership } from "../scripts/lib/postgres-cluster.ts";
import { parsePostmasterPid, servesDataDir } from "../scripts/lib/postmaster.ts";
import { isLiveHolder } from "../scripts/lib/project-lock.ts";

const ROOT = "/home/ada/app";

describe("DATABASE_URL", () => {
  it("is this project's local server only when empty; any URL given is used as is", () => {
    expect(isLocalDatabaseUrl(undefined)).toBe(true);
    expect(isLocalDatabaseUrl("  ")).toBe(true);
    expect(isLocalDatabaseUrl("postgres://authstack:authstack@127.0.0.1:54329/authstack")).toBe(false);
    expect(isLocalDatabaseUrl("postgres://me@db.example.com/app")).toBe(false);
  });

  it("points at the port the server was started on", () => {
    expect(localDatabaseUrl(41234)).toBe("postgres://authstack:authstack@127.0.0.1:41234/authstack");
  });
});

describe("the running server's record (.data/postgres.json)", () => {
  const record = { projectRoot: ROOT, dataDir: `${ROOT}/.data/postgres`, port: 41234, pid: 4242 };

  it("is read back for the project that wrote it", () => {
    expect(parseServerState(JSON.stringify(record), ROOT)).toEqual(record);
  });

  it("is ignored in a copy of the project, so the copy never talks to the original's server", () => {
    expect(parseServerState(JSON.stringify(record), "/home/ada/app-copy")).toBeUndefined();
  });

  it("is ignored when damaged", () => {
    expect(parseServerState("{", ROOT)).toBeUndefined();
    expect(parseServerState(JSON.stringify({ ...record, port: 0 }), ROOT)).toBeUndefined();
    expect(parseServerState(JSON.stringify({ ...record, pid: "1" }), ROOT)).toBeUndefined();
  });
});

describe("postmaster.pid", () => {
  const text = (dataDir: string, status = "ready   ") =>
    ["4242", dataDir, "1764590000", "41234", "", "127.0.0.1", "  1234567     98304", status, ""].join("\n");

  it("gives the pid, data directory, port and readiness", () => {
    expect(parsePostmasterPid(text(`${ROOT}/.data/postgres`))).toEqual({ pid: 4242, dataDir: `${ROOT}/.data/postgres`, port: 41234, ready: true });
    expect(parsePostmasterPid(text(`${ROOT}/.data/postgres`, "starting"))?.ready).toBe(false);
    expect(parsePostmasterPid("")).toBeUndefined();
  });

  it("belongs to this data directory, not to the one a copy was made from", () => {
    const original = parsePostmasterPid(text(`${ROOT}/.data/postgres`))!;
    const originalStillThere = { cwdOf: () => undefined, exists: () => true };
    expect(servesDataDir(original, `${ROOT}/.data/postgres`, originalStillThere)).toBe(true);
    expect(servesDataDir(original, "/home/ada/app-copy/.data/postgres", originalStillThere)).toBe(false);
    // Linux tells by the server's working directory: the original's.
    expect(servesDataDir(original, "/home/ada/app-copy/.data/postgres", { cwdOf: () => `${ROOT}/.data/postgres`, exists: () => true })).toBe(false);
  });

  it("still belongs to a project moved while its server runs", () => {
    const moved = parsePostmasterPid(text(`${ROOT}/.data/postgres`))!;
    // Linux: the server's working directory moved with the folder.
    expect(servesDataDir(moved, "/srv/app/.data/postgres", { cwdOf: () => "/srv/app/.data/postgres", exists: () => false })).toBe(true);
    // Elsewhere: the recorded folder is gone.
    expect(servesDataDir(moved, "/srv/app/.data/postgres", { cwdOf: () => undefined, exists: () => false })).toBe(true);
  });
});

describe("leases and the lock", () => {
  const alive = (pid: number) => pid === 4242;

  it("count only live commands of this project", () => {
    expect(isLiveHolder(`4242\n${ROOT}\n`, ROOT, alive)).toBe(true);
    expect(isLiveHolder(`4343\n${ROOT}\n`, ROOT, alive)).toBe(false); // crashed
    expect(isLiveHolder(`4242\n${ROOT}\n`, "/home/ada/app-copy", alive)).toBe(false); // came with a copy
    expect(isLiveHolder("", ROOT, alive)).toBe(false);
  });
});

describe("a cluster kept outside a private project folder", () => {
  it("is new, ours, taken over after a move, or cloned for a copy", () => {
    expect(ownership(undefined, ROOT, false)).toBe("new");
    expect(ownership(ROOT, ROOT, true)).toBe("ours");
    expect(ownership("/root/old-name", ROOT, false)).toBe("moved");
    expect(ownership("/root/original", ROOT, true)).toBe("copied");
  });
});

describe("the PostgreSQL binaries", () => {
  it("get the library links an install that skipped the package's postinstall left out", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "authstack-binaries-"));
    try {
      await mkdir(path.join(dir, "lib"));
      await writeFile(path.join(dir, "lib", "libicuuc.so.60.2"), "");
      const links = [
        { source: "native/lib/libicuuc.so.60.2", target: "native/lib/libicuuc.so.60" },
        { source: "native/lib/libicuuc.so.60.2", target: "native/lib/libicuuc.so" },
      ];
      await writeFile(path.join(dir, "pg-symlinks.json"), JSON.stringify(links));
      await linkLibraries(dir);
      await linkLibraries(dir); // already there: left alone
      expect(await readlink(path.join(dir, "lib", "libicuuc.so.60"))).toBe("libicuuc.so.60.2");
      expect(await readlink(path.join(dir, "lib", "libicuuc.so"))).toBe("libicuuc.so.60.2");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
