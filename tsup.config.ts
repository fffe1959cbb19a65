import { readFileSync } from "node:fs";
import { defineConfig } from "tsup";
// @ts-expect-error plain ESM helper shared with vitest.config.ts
import { bundledTemplates } from "./scripts/bundled-templates.mjs";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  target: "node20.19",
  platform: "node",
  // Every runtime dependency is bundled: installing the CLI adds one package.
  noExternal: [/.*/],
  splitting: true,
  clean: true,
  minify: true,
  treeshake: true,
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __BUNDLED_TEMPLATES__: JSON.stringify(bundledTemplates(".")),
  },
  // A bundled CommonJS dependency may still call require(); give ESM one.
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
});
