import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FailureError } from "../../src/errors.js";
import { loadTemplate } from "../../src/templates/load.js";
import { type Answer, githubStandIn, tarball } from "../support/github-stand-in.js";
import { tempDir } from "../support/temp.js";

const write = (root: string, rel: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
};

const long = `${"deep/".repeat(30)}file.txt`;
const starter = (format: "pax" | "gnu") =>
  tarball((root) => {
    write(root, "README.md", "outside the subfolder");
    write(root, "starter/package.json", "{}");
    write(root, "starter/template.json", '{"title":"T"}');
    write(root, `starter/${long}`, "long");
    write(root, "starter/bin/run.sh", "#!/bin/sh\n");
    chmodSync(path.join(root, "starter/bin/run.sh"), 0o755);
    write(root, "starter/node_modules/x/index.js", "");
    write(root, "starter/.env", "SECRET=1");
    symlinkSync("package.json", path.join(root, "starter/link.json"));
  }, format);

const ANSWERS: Record<string, Answer> = {
  "owner/pax": { tarball: starter("pax") },
  "owner/gnu": { tarball: starter("gnu") },
  "owner/private": { tarball: starter("pax"), token: "s3cret" },
  "owner/links": {
    tarball: tarball((root) => {
      write(root, "package.json", "{}");
      symlinkSync("/etc/hostname", path.join(root, "hostname"));
      symlinkSync("missing.txt", path.join(root, "dangling"));
    }),
  },
  // The skip rules keep .env out; a link must not bring it back in under another name.
  "owner/env-link": {
    tarball: tarball((root) => {
      write(root, "package.json", "{}");
      write(root, ".env", "SECRET=from-the-author");
      symlinkSync(".env", path.join(root, "settings.txt"));
    }),
  },
  "owner/portal": { html: "<!doctype html><title>Sign in to the Wi-Fi</title><form>…</form>" },
  // 64 MiB of zeros is ~64 KiB gzipped: unpacked whole in memory before, now streamed to disk and refused by size.
  "owner/bomb": {
    tarball: tarball((root) => {
      write(root, "package.json", "{}");
      write(root, "zeros.bin", Buffer.alloc(64 * 1024 * 1024));
    }),
  },
};

let standIn: Awaited<ReturnType<typeof githubStandIn>>;
const cache = tempDir("authstack-giget-cache-");
const load = (input: string, offline = false) => loadTemplate({ kind: "remote", input }, { bundledRoot: "/nowhere", cwd: "/", offline });

beforeAll(async () => {
  standIn = await githubStandIn(ANSWERS);
  vi.stubEnv("GIGET_GITHUB_URL", standIn.url);
  vi.stubEnv("XDG_CACHE_HOME", cache);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

describe("remote templates through giget", () => {
  for (const format of ["pax", "gnu"] as const) {
    it(`reads a ${format} archive: subfolder only, long names, modes, links inside, skipped entries`, async () => {
      const { files, meta } = await load(`gh:owner/${format}/starter#main`);
      expect(files.map((f) => f.path).sort()).toEqual(["bin/run.sh", long, "link.json", "package.json"].sort());
      expect(meta.title).toBe("T");
      expect(files.find((f) => f.path === "bin/run.sh")?.executable).toBe(true);
      expect(files.find((f) => f.path === "package.json")?.executable).toBe(false);
      expect(files.find((f) => f.path === "link.json")?.content.toString()).toBe("{}");
      expect(files.find((f) => f.path === long)?.content.toString()).toBe("long");
    });
  }

  it("asks for the ref given after # and sends GIGET_AUTH as a bearer token", async () => {
    await expect(load("gh:owner/private/starter#v2")).rejects.toThrow(/Could not download the template gh:owner\/private\/starter#v2: .*404/);
    vi.stubEnv("GIGET_AUTH", "s3cret");
    try {
      const { files } = await load("gh:owner/private/starter#v2");
      expect(files.some((f) => f.path === "package.json")).toBe(true);
    } finally {
      vi.stubEnv("GIGET_AUTH", undefined as unknown as string);
    }
    expect(standIn.requests.some((r) => r.url === "/repos/owner/private/tarball/v2" && r.headers.authorization === "Bearer s3cret")).toBe(true);
  });

  it("refuses links that leave the template or lead nowhere", async () => {
    const error = await load("gh:owner/links").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    // tar does not recreate a link to an absolute path; whatever it left is refused.
    expect((error as Error).message).toMatch(/hostname \(a symbolic link to (nothing|something outside the template or a folder)\)/);
    expect((error as Error).message).toContain("dangling (a symbolic link to nothing)");
  });

  it("refuses a link to a file the skip rules keep out (.env)", async () => {
    await expect(load("gh:owner/env-link")).rejects.toThrow("settings.txt (a symbolic link to .env, a file templates never copy)");
  });

  it("says an HTML answer (a captive portal) is not a template archive", async () => {
    const error = await load("gh:owner/portal").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toContain("the answer was not a template archive");
    expect((error as Error).message).not.toMatch(/incorrect header check|TAR_/);
  });

  it("refuses a gzip bomb while it streams (it was inflated whole in memory before)", async () => {
    const error = await load("gh:owner/bomb").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toContain("The template gh:owner/bomb was refused: its archive inflates to more than 1000 times its size");
  });

  it("--offline takes a downloaded template from giget's cache, with the host gone", async () => {
    await load("gh:owner/pax/starter");
    vi.stubEnv("GIGET_GITHUB_URL", "http://127.0.0.1:9");
    try {
      const { files } = await load("gh:owner/pax/starter", true);
      expect(files.some((f) => f.path === "package.json")).toBe(true);
      const error = await load("gh:owner/never-downloaded", true).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FailureError);
      expect((error as Error).message).toBe("The template gh:owner/never-downloaded is not in giget's download cache, and --offline allows no network.");
      expect((error as FailureError).hint).toContain("without --offline");
    } finally {
      vi.stubEnv("GIGET_GITHUB_URL", standIn.url);
    }
  });
});
