// npm run auth:generate: regenerates src/db/auth.schema.ts with the Better Auth CLI from src/auth.ts.
// `-- --output <file>` writes it elsewhere instead (auth:check compares that copy with yours).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAuthSchema } from "./lib/better-auth-cli.mjs";

const SCHEMA = "src/db/auth.schema.ts";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const output = args[0] === "--output" && args[1] ? args[1] : SCHEMA;

const before = readFileSync(join(root, SCHEMA), "utf8");
const code = await generateAuthSchema({ root, output });
if (code !== 0 || output !== SCHEMA) process.exit(code);
console.log(
  readFileSync(join(root, SCHEMA), "utf8") === before
    ? `${SCHEMA} is unchanged: the auth schema matches src/auth.ts.`
    : `${SCHEMA} changed. Review the diff, then run \`npm run db:generate\` to create the migration.`,
);
