// Loaded with `node --import` into the Better Auth CLI process only (see ../auth-generate.mjs).
// The CLI imports src/auth.ts, which opens the database through `bun:sqlite`, a module only Bun has. Node gets
// ./bun-sqlite.mjs instead. The CLI loads TypeScript through jiti, which resolves through CommonJS, so the hook
// goes there.
import Module from "node:module";
import { fileURLToPath } from "node:url";

const replacement = fileURLToPath(new URL("./bun-sqlite.mjs", import.meta.url));
const resolveFilename = Module._resolveFilename;

Module._resolveFilename = function (request, ...rest) {
  if (request === "bun:sqlite") return replacement;
  return resolveFilename.call(this, request, ...rest);
};
