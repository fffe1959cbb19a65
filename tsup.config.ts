import { readFileSync, writeFileSync } from "node:fs";
import { defineConfig } from "tsup";
import { loadTemplate } from "./src/templates/load.js";
import { PACK_FILE, packTemplates } from "./src/templates/pack.js";
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

/**
 * src/vendor/clack.ts is bundled as dist/clack.cjs, and the main bundle requires it from there instead of inlining it:
 * ~24 KB of prompt code that a run without prompts (--yes, CI, pipes) never even compiles.
 */
const clackApart = {
  name: "clack-apart",
  setup(build: { onResolve(options: { filter: RegExp }, callback: () => unknown): void }) {
    build.onResolve({ filter: /vendor\/clack\.js$/ }, () => ({ path: "./clack.cjs", external: true }));
  },
};

export default defineConfig({
  entry: ["src/index.ts", "src/vendor/clack.ts"],
  esbuildPlugins: [clackApart],
  // CommonJS, one file (and clack's apart): the bin shim require()s it, so a run never starts Node's ESM loader
  // (~15 ms here) nor reads a chain of chunks. Lazily imported modules (the CLI after --help, prompts, remote
  // templates) are still only evaluated when reached: esbuild wraps each in an init function.
  format: "cjs",
  target: "node20.19",
  platform: "node",
  // Every runtime dependency is bundled: installing the CLI adds one package.
  noExternal: [/.*/],
  splitting: false,
  shims: true,
  clean: true,
  minify: true,
  // esbuild's own tree shaking only: tsup's extra rollup pass hoists every require() to the top of the bundle,
  // which would load zlib, fs/promises and clack.cjs on every run, --help included.
  treeshake: false,
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __BUNDLED_TEMPLATES__: JSON.stringify(templates),
  },
  onSuccess: writeTemplatePack,
});
