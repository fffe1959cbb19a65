// auth:generate — regenerates src/db/auth.schema.ts with the Better Auth CLI (package `auth`) from src/auth.ts.
// The CLI comes through npx, matched to the better-auth in package.json: as a devDependency it would add ~55 MB
// (prettier, babel) to node_modules for a command run only when the auth plugins change.
//
// Plain JavaScript run by Node, because the CLI must run on Node >= 22.12: under Bun it silently drops every
// date default from the generated schema. The app itself uses bun:sqlite, which Node lacks, so the CLI process
// gets a resolver hook (through NODE_OPTIONS, so it reaches the process npx starts) that serves `bun:sqlite`
// from Node's built-in SQLite (see better-auth-cli/register.mjs),
// and an in-memory database: generating reads the configuration and never touches your data.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const MINIMUM = [22, 12];
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message) {
  console.error(message);
  process.exit(1);
}

const fix =
  "Install Node.js 22.12 or newer (https://nodejs.org, or `nvm install 22`), put it first on PATH, " +
  "then run this script again. Bun cannot stand in for it: the Better Auth CLI drops date defaults under Bun.";

if (process.versions.bun) {
  fail(
    "auth:generate needs Node.js >= 22.12, but `node` on PATH is Bun " +
      "(bun run puts its own `node` on PATH when Node.js is not installed).\n" +
      fix,
  );
}
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  fail(
    `auth:generate needs Node.js >= ${MINIMUM.join(".")} (the Better Auth CLI requires it), ` +
      `but \`node\` on PATH is ${process.version} (${process.execPath}).\n` +
      fix,
  );
}

const betterAuth = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies["better-auth"];
const cli = `auth@${betterAuth}`; // the CLI is released with the same version as better-auth

// Read .env like the app does (the CLI would too), so a missing secret can be told apart from an unset one.
try {
  process.loadEnvFile(join(root, ".env"));
} catch {
  // No .env yet.
}

const nodeFlags = ["--disable-warning=ExperimentalWarning"];
// node:sqlite is behind a flag before Node 22.13.
if (!isBuiltin("node:sqlite")) nodeFlags.push("--experimental-sqlite");
// A file URL has no spaces, so it needs no quoting inside NODE_OPTIONS.
nodeFlags.push(`--import=${pathToFileURL(join(root, "scripts", "better-auth-cli", "register.mjs")).href}`);

const result = spawnSync(
  "npx",
  ["--yes", `--package=${cli}`, "--", "auth", "generate", "--config", "src/auth.ts", "--output", "src/db/auth.schema.ts", "--yes"],
  {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, ...nodeFlags].filter(Boolean).join(" "),
      DB_FILE: ":memory:",
      // Generating reads the configuration and serves nothing: development mode, which needs no public URL.
      NODE_ENV: process.env.NODE_ENV || "development",
      // The configuration needs a secret to load; generating signs nothing, so any value does when none is set.
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || randomBytes(32).toString("base64"),
      BETTER_AUTH_TELEMETRY: "0",
    },
  },
);
if (result.error) fail(`Could not start the Better Auth CLI: ${result.error.message}`);
process.exit(result.status ?? 1);
