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
 * Each library under src/vendor/ is a file of its own in dist/ (clack.cjs, execa.cjs, giget.cjs, fs-extra.cjs,
 * semver.cjs, babel-parser.cjs), and the main bundle require()s it from there on first use instead of inlining it:
 * a run compiles only the libraries it reaches (--help none, a write fs-extra, an install execa, a terminal clack,
 * a remote template giget, `add` the parser).
 */
const VENDOR = ["clack", "execa", "giget", "fs-extra", "semver", "babel-parser"] as const;
const vendorApart = {
  name: "vendor-apart",
  setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string; importer: string }) => unknown): void }) {
    build.onResolve({ filter: /\/vendor\/[\w-]+\.js$/ }, (args) => ({ path: `./${/([\w-]+)\.js$/.exec(args.path)![1]}.cjs`, external: true }));
    // The plugin editor is plain JavaScript (the generator runs it unbuilt), so it names the parser itself.
    build.onResolve({ filter: /^@babel\/parser$/ }, (args) =>
      args.importer.endsWith("babel-parser.ts") ? undefined : { path: "./babel-parser.cjs", external: true },
    );
  },
};

export default defineConfig({
  entry: { index: "src/index.ts", ...Object.fromEntries(VENDOR.map((name) => [name, `src/vendor/${name}.ts`])) },
  esbuildPlugins: [vendorApart],
  // import() of a chunk becomes require() in a promise: a real import() would start Node's ESM loader (~15 ms)
  // and run its CommonJS lexer over the chunk.
  esbuildOptions(options) {
    options.supported = { ...options.supported, "dynamic-import": false };
  },
  // CommonJS, one file (and each library apart): the bin shim require()s it, so a run never starts Node's ESM loader
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
