import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";

const SRC = path.join(REPO_ROOT, "src");
/** The stages, lowest first: a folder imports only from itself and the folders before it. */
const LAYERS = ["", "vendor", "templates", "plan", "plugins", "write", "steps", "ui", "cli", "add"];

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");
const folder = (file: string) => (rel(file).includes("/") ? rel(file).split("/")[0]! : "");
/** Every import, static, dynamic or type-only, by specifier. */
const specifiers = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
const localImports = (file: string) =>
  specifiers(file)
    .filter((s) => s.startsWith("."))
    .map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, ".ts")));

describe("src/ layout", () => {
  const files = sources().filter((f) => rel(f) !== "index.ts");

  it("has a folder per stage, and each folder imports only from the stages below it", () => {
    for (const file of files) {
      for (const target of localImports(file)) {
        expect(LAYERS.indexOf(folder(target)), `${rel(file)} imports ${rel(target)}`).toBeLessThanOrEqual(LAYERS.indexOf(folder(file)));
      }
    }
  });

  it("has no import circles", () => {
    const graph = new Map(files.map((f) => [f, localImports(f)]));
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      expect(state.get(file), `circle: ${[...trail, file].map(rel).join(" → ")}`).not.toBe("open");
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of files) visit(file, []);
  });

  it("reaches the named libraries only through src/vendor/, and re-implements none of their jobs", () => {
    // Each a chunk of its own (picocolors, 2 KB, sits in the main bundle and is imported where colour is used).
    const LIBRARIES = ["@clack/prompts", "execa", "giget", "fs-extra", "semver", "@babel/parser"];
    // What the hand-written replacements used: spawning, inflating archives, reading the kernel's random device.
    const THEIR_JOBS = ["node:child_process", "node:zlib"];
    for (const file of sources()) {
      const imported = specifiers(file);
      if (folder(file) !== "vendor") for (const library of LIBRARIES) expect(imported, `${rel(file)} imports ${library}`).not.toContain(library);
      // The template pack is brotli, written at build time: zlib there is not an archive reader.
      for (const job of THEIR_JOBS) if (!(job === "node:zlib" && rel(file) === "templates/pack.ts")) expect(imported, `${rel(file)} imports ${job}`).not.toContain(job);
      const text = readFileSync(file, "utf8");
      expect(text, rel(file)).not.toMatch(/\/dev\/urandom|\\x1b\[|spawn\(|gunzip/);
    }
  });
});
