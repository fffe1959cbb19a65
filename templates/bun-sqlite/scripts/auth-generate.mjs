// auth:generate — regenerates src/db/auth.schema.ts with the Better Auth CLI from src/auth.ts.
// `-- --output <file>` writes it elsewhere instead (auth:check compares that copy with yours).
//
// Plain JavaScript run by Node, because the CLI must run on Node >= 22.12 (on an older Node it gets Node 22 from
// npx): under Bun it silently drops every date default from the generated schema. The app itself uses bun:sqlite,
// which Node lacks, so the CLI process gets a resolver hook (through NODE_OPTIONS, so it reaches the process npx
// starts) that serves `bun:sqlite` from Node's built-in SQLite (see better-auth-cli/register.mjs), and an in-memory
// database: generating reads the configuration and never touches your data.
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateAuthSchema, NODE_RUNS_CLI } from "./lib/better-auth-cli.mjs";

const SCHEMA = "src/db/auth.schema.ts";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const output = args[0] === "--output" && args[1] ? args[1] : SCHEMA;

// Read .env like the app does (the CLI would too).
try {
  process.loadEnvFile?.(join(root, ".env"));
} catch {
  // No .env yet.
}

const nodeFlags = ["--disable-warning=ExperimentalWarning"];
// node:sqlite is behind a flag before Node 22.13. (The Node 22 npx fetches for an older Node is newer than that.)
if (NODE_RUNS_CLI && !isBuiltin("node:sqlite")) nodeFlags.push("--experimental-sqlite");
// A file URL has no spaces, so it needs no quoting inside NODE_OPTIONS.
nodeFlags.push(`--import=${pathToFileURL(join(root, "scripts", "better-auth-cli", "register.mjs")).href}`);

const before = readFileSync(join(root, SCHEMA), "utf8");
const code = await generateAuthSchema({
  root,
  output,
  env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, ...nodeFlags].filter(Boolean).join(" "), DB_FILE: ":memory:" },
});
if (code !== 0 || output !== SCHEMA) process.exit(code);
console.log(
  readFileSync(join(root, SCHEMA), "utf8") === before
    ? `${SCHEMA} is unchanged: the auth schema matches src/auth.ts.`
    : `${SCHEMA} changed. Review the diff, then run \`bun run db:generate\` to create the migration.`,
);
