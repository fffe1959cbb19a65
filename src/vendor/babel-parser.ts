// @babel/parser: reads src/auth.ts and src/pages/plugins.ts as TypeScript, so `add` edits them by their syntax. Its
// own file in the build (dist/babel-parser.cjs), required only by `add`.
export { parse } from "@babel/parser";
