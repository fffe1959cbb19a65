// `npm run auth:generate`: regenerate src/db/auth.schema.ts with the Better Auth CLI from src/auth.ts.
// The CLI (package `auth`) comes through npx, matched to the better-auth in package.json: as a devDependency it
// would add ~55 MB (prettier, babel) to node_modules for a command run only when the auth plugins change.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { OFFLINE_ENV } from "./lib/run.mjs";

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

const betterAuth = JSON.parse(readFileSync("package.json", "utf8")).dependencies["better-auth"];
const result = spawnSync(
  "npx",
  ["--yes", `--package=auth@${betterAuth}`, "--", "auth", "generate", "--config", "src/auth.ts", "--output", "src/db/auth.schema.ts", "--yes"],
  { stdio: "inherit", shell: process.platform === "win32", env: { ...OFFLINE_ENV, ...process.env } },
);
if (result.error) console.error(`Could not start the Better Auth CLI through npx: ${result.error.message}`);
process.exitCode = result.status ?? 1;
