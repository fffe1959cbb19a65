// Runs the Better Auth CLI (package `auth`) through npx, at the version of better-auth in package.json (they are
// released together). As a devDependency it would add ~55 MB (prettier, babel) to node_modules for a command run
// only when the auth plugins change. Plain JavaScript, so it runs on any Node (and under Bun, to say what is wrong).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// The CLI's own engines. The app runs on older Node; on such a Node the CLI runs on a Node 22 fetched by npx.
const CLI_MIN_NODE = /** @type {const} */ ([22, 12]);
const [major = 0, minor = 0] = (process.versions.node ?? "0.0").split(".").map(Number);

/** Whether the CLI can run on this Node; when not, it gets a downloaded Node 22 (the npm package `node`). */
export const NODE_RUNS_CLI = major > CLI_MIN_NODE[0] || (major === CLI_MIN_NODE[0] && minor >= CLI_MIN_NODE[1]);

/**
 * `auth generate --config src/auth.ts --output <output>` in the project at root, its output inherited. Resolves with
 * the exit code.
 *
 * @param {{ root: string, output: string, env?: Record<string, string> }} options
 * @returns {Promise<number>}
 */
export function generateAuthSchema({ root, output, env = {} }) {
  // Under Bun the CLI silently drops every date default from the schema it writes.
  if (process.versions.bun) {
    console.error(
      "The Better Auth CLI must run on Node.js, but `node` here is Bun (bun run puts its own `node` on PATH when " +
        "Node.js is not installed). Install Node.js (https://nodejs.org, or `nvm install 22`) and run it again.",
    );
    return Promise.resolve(1);
  }
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies["better-auth"];
  const packages = [`--package=auth@${version}`];
  // npx puts the `node` package's bin first on PATH, so the CLI (`#!/usr/bin/env node`) starts on Node 22.
  if (!NODE_RUNS_CLI) {
    packages.unshift("--package=node@22");
    console.error(`The Better Auth CLI needs Node.js >= ${CLI_MIN_NODE.join(".")}, this is ${process.versions.node}: running it on Node 22 from npx.`);
  }
  const args = ["--yes", ...packages, "--", "auth", "generate", "--config", "src/auth.ts", "--output", output, "--yes"];
  return new Promise((resolve) => {
    const child = spawn("npx", args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      shell: process.platform === "win32",
      env: {
        ...process.env,
        // Generating reads the configuration and serves nothing: development mode, which needs no public URL.
        NODE_ENV: process.env.NODE_ENV || "development",
        // The configuration needs a secret to load; generating signs nothing, so any value does when none is set.
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET || "placeholder-secret-for-schema-generation-only",
        BETTER_AUTH_TELEMETRY: "0",
        ...env,
      },
    });
    child.on("error", (error) => {
      console.error(`Could not start the Better Auth CLI through npx: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}
