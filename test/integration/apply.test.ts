import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan, safeJoin } from "../../src/write/apply.js";
import { CancelledError, FailureError } from "../../src/errors.js";
import type { PlannedFile } from "../../src/plan/plan.js";
import { listTree, tempDir } from "../support/temp.js";

const f = (p: string, content = p, executable = false): PlannedFile => ({ path: p, content, executable });

describe("applyPlan", () => {
  it("writes the files into a new folder, creating parents, keeping the executable bit", async () => {
    const root = tempDir();
    const target = path.join(root, "nested/app");
    await applyPlan([f("package.json"), f("src/db/schema.ts"), f("bin/run", "#!/bin/sh\n", true)], target);
    expect(listTree(target)).toEqual(["bin/run", "package.json", "src/db/schema.ts"]);
    expect(statSync(path.join(target, "bin/run")).mode & 0o111).not.toBe(0);
    expect(statSync(path.join(target, "package.json")).mode & 0o111).toBe(0);
    expect(readdirSync(path.join(root, "nested"))).toEqual(["app"]);
  });

  it.each(["../escape", "/etc/evil", "a/../../escape", "C:\\evil", "x\0y", ""])("refuses %j and writes nothing", async (bad) => {
    const root = tempDir();
    await expect(applyPlan([f("ok.txt"), f(bad)], path.join(root, "app"))).rejects.toThrow(FailureError);
    expect(readdirSync(root)).toEqual([]);
  });

  it("leaves nothing behind when writing fails halfway, not even the parents it made", async () => {
    const root = tempDir();
    // "a" is written as a file, so "a/b" cannot be: the write fails after the first file.
    await expect(applyPlan([f("a"), f("a/b")], path.join(root, "new/parent/app"))).rejects.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it("leaves nothing behind when cancelled", async () => {
    const root = tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(applyPlan([f("a")], path.join(root, "app"), controller.signal)).rejects.toThrow(CancelledError);
    expect(readdirSync(root)).toEqual([]);
  });

  it("adds into an existing folder without deleting anything, replacing same-named files", async () => {
    const root = tempDir();
    const target = path.join(root, "app");
    mkdirSync(path.join(target, "src"), { recursive: true });
    writeFileSync(path.join(target, "keep.txt"), "mine");
    writeFileSync(path.join(target, "src/mine.ts"), "mine");
    writeFileSync(path.join(target, "README.md"), "old");
    await applyPlan([f("README.md", "new"), f("src/index.ts")], target);
    expect(listTree(target)).toEqual(["README.md", "keep.txt", "src/index.ts", "src/mine.ts"]);
    expect(readFileSync(path.join(target, "README.md"), "utf8")).toBe("new");
    expect(readFileSync(path.join(target, "keep.txt"), "utf8")).toBe("mine");
    expect(readdirSync(root)).toEqual(["app"]);
  });

  it("refuses, before writing, a file where a folder stands or a folder where a file stands", async () => {
    const root = tempDir();
    const target = path.join(root, "app");
    mkdirSync(path.join(target, "README.md"), { recursive: true });
    await expect(applyPlan([f("package.json"), f("README.md")], target)).rejects.toThrow(/README.md is a folder/);
    writeFileSync(path.join(target, "src"), "a file");
    await expect(applyPlan([f("src/index.ts")], target)).rejects.toThrow(/src is a file/);
    expect(readdirSync(target).sort()).toEqual(["README.md", "src"]);
    expect(readdirSync(root)).toEqual(["app"]);
  });
});

describe("safeJoin", () => {
  it("joins paths inside the root", () => {
    expect(safeJoin("/r", "a/b.txt")).toBe("/r/a/b.txt");
    expect(safeJoin("/r", "a/./b")).toBe("/r/a/b");
    expect(safeJoin("/r/", "a")).toBe("/r/a");
  });

  it("refuses paths that leave the root or are the root", () => {
    for (const bad of ["", ".", "./", "a/..", "../x", "a/../../x", "a\\..\\..\\x", "/etc/passwd", "C:x", "a\0b"]) {
      expect(() => safeJoin("/r", bad), bad).toThrow(/outside the project folder/);
    }
  });
});
