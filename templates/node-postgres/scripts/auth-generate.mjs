// npm run auth:generate: regenerates src/db/auth.schema.ts with the Better Auth CLI from
// src/auth.ts. Plain JavaScript so the version checks below run on any Node.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const CLI = "auth@1.7.7"; // same minor as better-auth in package.json
const OUTPUT = "src/db/auth.schema.ts";
const MIN_NODE = [22, 12];

// Under Bun the CLI silently drops every date default from the generated schema.
if (process.versions.bun) {
  console.error("auth:generate must run on Node.js, not Bun (under Bun the Better Auth CLI drops column defaults).");
  process.exit(1);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  console.error(
    [
      `auth:generate runs the Better Auth CLI (${CLI}), which needs Node.js >= ${MIN_NODE.join(".")}; this is Node.js ${process.versions.node}.`,
      "The app itself runs on this Node; only this generator needs the newer one. Either switch to Node 22",
      "(nvm install 22, fnm use 22, volta install node@22, ...) and run it again, or run it once with a",
      "downloaded Node 22 without switching:",
      "  npx --yes --package=node@22 -- npm run auth:generate",
    ].join("\n"),
  );
  process.exit(1);
}

const before = readFileSync(OUTPUT, "utf8");
const result = spawnSync(
  "npx",
  ["--yes", `--package=${CLI}`, "--", "auth", "generate", "--config", "src/auth.ts", "--output", OUTPUT, "--yes"],
  {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: {
      ...process.env,
      // Generation reads the config but signs nothing: a placeholder keeps it working without .env.
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || "placeholder-secret-for-schema-generation-only",
      BETTER_AUTH_TELEMETRY: "0",
      // Generating reads the configuration and serves nothing: development mode, which needs no public URL.
      NODE_ENV: process.env.NODE_ENV || "development",
    },
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const after = readFileSync(OUTPUT, "utf8");
console.log(
  after === before
    ? `${OUTPUT} is unchanged: the auth schema matches src/auth.ts.`
    : `${OUTPUT} changed. Review the diff, then run \`npm run db:generate\` to create the migration.`,
);
