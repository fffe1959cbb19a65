// `npm run cf-typegen`: generate the Worker's `Env` and runtime types from wrangler.jsonc.
// They go under .wrangler/, git-ignored like the rest of wrangler's local state, and `typecheck`
// rebuilds them first. --strict-vars=false types vars as string, since .dev.vars overrides them.
import { mkdirSync } from "node:fs";
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

const TYPES_FILE = ".wrangler/types/worker-configuration.d.ts";

mkdirSync(".wrangler/types", { recursive: true });
const { code } = await runNode(WRANGLER_BIN, ["types", "--strict-vars=false", TYPES_FILE, ...process.argv.slice(2)]);
process.exitCode = code;
