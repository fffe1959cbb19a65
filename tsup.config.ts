import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { loadTemplate } from "./src/source.js";
import { PACK_FILE, packTemplates } from "./src/template-pack.js";
// @ts-expect-error plain ESM helper shared with vitest.config.ts
import { bundledTemplates } from "./scripts/bundled-templates.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const templates = bundledTemplates(".") as { id: string }[];

/** dist/templates.br: every bundled template, read with the CLI's own loader (same skip and link rules). */
async function writeTemplatePack(): Promise<void> {
  const loaded = Object.fromEntries(
    await Promise.all(templates.map(async ({ id }) => [id, await loadTemplate({ kind: "local", path: `templates/${id}` }, { bundledRoot: "templates", cwd: "." })])),
  );
  writeFileSync(`dist/${PACK_FILE}`, packTemplates(loaded));
}

export default defineConfig({
  entry: ["src/index.ts"],
  // CommonJS, one file: the bin shim require()s it, so a run never starts Node's ESM loader (~15 ms here) nor
  // reads a chain of chunks. Lazily imported modules (the CLI after --help, prompts, remote templates) are still
  // only evaluated when reached: esbuild wraps each in an init function.
  format: "cjs",
  target: "node20.19",
  platform: "node",
  // Every runtime dependency is bundled: installing the CLI adds one package.
  noExternal: [/.*/],
  splitting: false,
  shims: true,
  clean: true,
  minify: true,
  treeshake: true,
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __BUNDLED_TEMPLATES__: JSON.stringify(templates),
  },
  onSuccess: writeTemplatePack,
});
