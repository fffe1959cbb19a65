import { closeSync, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FailureError, UsageError } from "../../src/errors.js";
import { loadTemplate } from "../../src/templates/load.js";
import { tempDir } from "../support/temp.js";

function makeTemplate(files: Record<string, string>): string {
  const root = tempDir();
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), content);
  }
  return root;
}

const openAndClose = (file: string) => (closeSync(openSync(file, "w")), file);
const load = (dir: string) => loadTemplate({ kind: "local", path: dir }, { bundledRoot: "/nowhere", cwd: "/" });

describe("loadTemplate", () => {
  it("skips dependencies, local state, secrets, lockfiles and its own metadata", async () => {
    const dir = makeTemplate({
      "package.json": "{}",
      "template.json": '{"envFile": ".env"}',
      ".env.example": "BETTER_AUTH_SECRET=\n",
      ".env": "BETTER_AUTH_SECRET=leaked",
      ".dev.vars": "x",
      "package-lock.json": "{}",
      "bun.lock": "",
      "node_modules/x/index.js": "",
      ".data/pg/PG_VERSION": "18",
      "data/app.db": "",
      ".wrangler/state/db": "",
      "dist/index.js": "",
      "debug.log": "",
      "src/data/seed.ts": "kept: only the root data/ is local state",
      "_gitignore": "node_modules\n",
    });
    const { files, meta } = await load(dir);
    expect(files.map((f) => f.path)).toEqual([".env.example", "_gitignore", "package.json", "src/data/seed.ts"]);
    expect(meta).toEqual({ envFile: ".env", replace: [] });
  });

  it("copies a link that stays inside the template as the file it points to", async () => {
    const dir = makeTemplate({ "package.json": "{}", "shared/a.txt": "A" });
    symlinkSync("shared/a.txt", path.join(dir, "link.txt"));
    const { files } = await load(dir);
    expect(files.find((f) => f.path === "link.txt")?.content.toString()).toBe("A");
  });

  it("refuses links that leave the template, or lead nowhere", async () => {
    const dir = makeTemplate({ "package.json": "{}" });
    symlinkSync("/etc/hostname", path.join(dir, "outside"));
    symlinkSync("missing-target", path.join(dir, "dangling"));
    await expect(load(dir)).rejects.toThrow(/outside \(a symbolic link to something outside the template or a folder\), dangling \(a symbolic link to nothing\)|dangling \(a symbolic link to nothing\), outside/);
  });

  it("infers the env file from its example when there is no template.json", async () => {
    expect((await load(makeTemplate({ "package.json": "{}", ".dev.vars.example": "" }))).meta.envFile).toBe(".dev.vars");
    expect((await load(makeTemplate({ "package.json": "{}" }))).meta.envFile).toBeUndefined();
  });

  it("refuses a broken template.json, a missing env example, or no package.json", async () => {
    await expect(load(makeTemplate({ "package.json": "{}", "template.json": "{oops" }))).rejects.toThrow(/invalid template.json/);
    await expect(load(makeTemplate({ "package.json": "{}", "template.json": '{"envFile":".env"}' }))).rejects.toThrow(/has no .env.example/);
    await expect(load(makeTemplate({ "README.md": "" }))).rejects.toThrow(FailureError);
    await expect(load(makeTemplate({ "package.json": "{}", "template.json": '{"replace":[{"file":"a","token":"t","with":"nope"}]}' }))).rejects.toThrow(
      /invalid "replace" entry/,
    );
  });

  it("refuses a template over 50 MiB before reading it into memory", async () => {
    const dir = makeTemplate({ "package.json": "{}" });
    // Sparse: 60 MiB on paper, nothing on the disk.
    truncateSync(openAndClose(path.join(dir, "huge.bin")), 60 * 1024 * 1024);
    await expect(load(dir)).rejects.toThrow(/is too large: it holds 60 MiB of files, more than the 50 MiB a template may have/);
  });

  it("refuses a link to a file the skip rules keep out", async () => {
    const dir = makeTemplate({ "package.json": "{}", ".env": "SECRET=1", "node_modules/x/index.js": "" });
    symlinkSync(".env", path.join(dir, "env.txt"));
    symlinkSync("node_modules/x/index.js", path.join(dir, "x.js"));
    const error = await load(dir).catch((e: unknown) => e);
    expect((error as Error).message).toContain("env.txt (a symbolic link to .env, a file templates never copy)");
    expect((error as Error).message).toContain("x.js (a symbolic link to node_modules/x/index.js, a file templates never copy)");
  });

  it("says when a local template folder does not exist", async () => {
    await expect(load("/does/not/exist")).rejects.toThrow(UsageError);
  });
});
