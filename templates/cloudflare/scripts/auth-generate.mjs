// `npm run auth:generate`: regenerate src/db/auth.schema.ts with the Better Auth CLI from src/auth.ts.
import { createRequire } from "node:module";
import path from "node:path";
import { runNode } from "./lib/run.mjs";

const [MIN_MAJOR, MIN_MINOR] = [22, 12];

// Under Bun the CLI silently drops every date default from the schema it writes.
if (process.versions.bun) {
  console.error("auth:generate must run on Node.js, not Bun: run `node scripts/auth-generate.mjs` (or `npm run auth:generate`).");
  process.exit(1);
}
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < MIN_MAJOR || (major === MIN_MAJOR && minor < MIN_MINOR)) {
  console.error(
    `The Better Auth CLI needs Node.js >= ${MIN_MAJOR}.${MIN_MINOR}, and this is Node.js ${process.versions.node}. ` +
      "Install Node.js 22 LTS or newer (for example `nvm install 22` or `volta install node@22`), then run it again.",
  );
  process.exit(1);
}

// The package exports only "./api"; its CLI entry sits beside it.
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("auth/api")), "index.mjs");
const { code } = await runNode(cli, ["generate", "--config", "src/auth.ts", "--output", "src/db/auth.schema.ts", "--yes"]);
process.exitCode = code;
