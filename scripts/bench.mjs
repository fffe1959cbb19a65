#!/usr/bin/env node
// Whole-process timings of the packed CLI against a peer (create-vite) installed in the same run.
// Medians of N runs; ratios are what to compare across machines. Usage: npm run bench [-- --runs 15 --full]
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PEER = "create-vite@9.3.0";
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 15;
const FULL = args.includes("--full");

const work = mkdtempSync(path.join(os.tmpdir(), "authstack-bench-"));
// As root, the zero-setup PostgreSQL runs as the postgres user, which must reach the project (mkdtemp gives 0700).
chmodSync(work, 0o755);
const npm = (argv, cwd = ROOT) => execFileSync("npm", argv, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

try {
  const [packed] = JSON.parse(npm(["pack", "--json", "--pack-destination", work]));
  const tarball = path.join(work, packed.filename);
  npm(["install", "--prefix", path.join(work, "tools"), "--no-audit", "--no-fund", "--no-package-lock", tarball, PEER], work);
  const bin = (name) => path.join(work, "tools/node_modules/.bin", name);
  const env = { ...process.env, CI: "true", NO_COLOR: "1" };
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];

  /** Median wall time (ms) of a whole process, after one warm-up run; `prepare` runs untimed before each. */
  const median = (command, argv, { cwd = work, prepare } = {}) => {
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      prepare?.();
      const start = process.hrtime.bigint();
      const result = spawnSync(command, argv, { cwd, env, stdio: "ignore" });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} exited ${result.status}`);
      if (i > 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const fresh = (name) => () => rmSync(path.join(work, name), { recursive: true, force: true });

  const rows = [];
  const node = median(process.execPath, ["-e", "0"]);
  const help = median(process.execPath, [bin("create-authstack"), "--help"]);
  const peerHelp = median(process.execPath, [bin("create-vite"), "--help"]);
  rows.push(["node -e 0", node, 1]);
  rows.push(["create-authstack --help", help, help / node]);
  rows.push([`${PEER} --help`, peerHelp, peerHelp / node]);

  const scaffold = median(process.execPath, [bin("create-authstack"), "a", "--template", "node-postgres", "--no-install", "--no-git", "--yes"], { prepare: fresh("a") });
  const peerScaffold = median(process.execPath, [bin("create-vite"), "v", "--template", "vanilla-ts", "--no-interactive", "--no-immediate"], { prepare: fresh("v") });
  rows.push(["create-authstack, write node-postgres (no install)", scaffold, scaffold / node]);
  rows.push([`${PEER}, write vanilla-ts`, peerScaffold, peerScaffold / node]);

  console.log(`Node ${process.version}, ${os.cpus().length} cores, median of ${RUNS} runs; tarball ${(packed.size / 1024).toFixed(0)} KiB, ${packed.entryCount} files\n`);
  for (const [name, ms, ratio] of rows) console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${ratio.toFixed(2).padStart(6)}× node`);
  console.log(`\n--help vs ${PEER} --help: ${(help / peerHelp).toFixed(2)}×; writing vs ${PEER}: ${(scaffold / peerScaffold).toFixed(2)}×`);

  if (FULL) {
    // Install + the first migration against a real (zero-setup) PostgreSQL, warm npm cache.
    const full = [];
    for (let i = 0; i < 3; i++) {
      fresh("full")();
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin("create-authstack"), "full", "--template", "node-postgres", "--no-git", "--yes"], { cwd: work, env, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`full create exited ${result.status}:\n${result.stdout}${result.stderr}`);
      full.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    full.sort((a, b) => a - b);
    console.log(`\ncreate-authstack node-postgres, install + migrate (warm cache): median ${(full[1] / 1000).toFixed(1)} s of 3`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
