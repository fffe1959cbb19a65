#!/usr/bin/env node
// The cost of an authenticated request, measured: each server template created by the CLI and started as in
// production, beside a floor server doing only the bare queries of the same endpoint on the same database
// (scripts/bench-app/floor-*). Loaded with autocannon, 50 connections, in pairs whose order alternates; each
// ratio is the median of the per-pair ratios of requests/s. Prints one table; exits 1 when a budget is missed.
//
//   npm run bench:app                 5 pairs of 5 s per row (about 4 minutes)
//   npm run bench:app -- --quick      3 pairs of 3 s (CI: a report)
//
// Needs PostgreSQL 15's server binaries (node-postgres) and Bun from the repo's .tools (bun-sqlite).
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { freePort, startPostgres15 } from "./bench-postgres.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const QUICK = process.argv.includes("--quick");
const PAIRS = QUICK ? 3 : 5;
const SECONDS = QUICK ? 3 : 5;
const CONNECTIONS = 50;
const BUDGET = 0.5;
const SECRET = "a-bench-secret-of-more-than-32-characters-0123456789";
const PASSWORD = "correct horse battery staple";

const work = mkdtempSync(path.join(os.tmpdir(), "authstack-bench-app-"));
chmodSync(work, 0o755); // as root, PostgreSQL runs as postgres and must reach the project
const tools = path.join(ROOT, ".tools/node_modules/.bin");
const env = { ...process.env, CI: "true", NO_COLOR: "1", PATH: [tools, process.env.PATH].join(path.delimiter) };
for (const key of Object.keys(env)) if (key.startsWith("npm_") && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) delete env[key];
delete env.NODE_ENV; // production, as deployed
const sh = (command, argv, cwd = work) => execFileSync(command, argv, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });

/** A process serving on `port`, ready once `readyPath` answers; stop() ends it. */
async function serve(command, argv, { cwd, extraEnv, port, readyPath = "/" }) {
  const child = spawn(command, argv, { cwd, env: { ...env, ...extraEnv, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`http://127.0.0.1:${port}${readyPath}`).then((r) => r.status < 500, () => false))) {
    if (child.exitCode !== null) throw new Error(`${command} ${argv.join(" ")} exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${command} ${argv.join(" ")} did not answer:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", resolve), child.kill("SIGTERM")))),
  };
}

/** A signed-in owner of an organization with 20 projects and an API key; what the floor and the loads need. */
async function seed(base, origin) {
  const cookies = new Map();
  const call = async (method, route, body, headers = {}) => {
    const response = await fetch(`${base}${route}`, {
      method,
      headers: { origin, "content-type": "application/json", cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0];
      cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const email = `bench-${Date.now()}@example.com`;
  const { user } = await call("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Bench" });
  const organization = await call("POST", "/api/auth/organization/create", { name: "Bench", slug: `bench-${Date.now()}` });
  await call("POST", "/api/auth/organization/set-active", { organizationId: organization.id });
  for (let i = 1; i <= 20; i++) await call("POST", "/api/projects", { name: `Project ${i}`, description: "A project of the bench" });
  const key = await call("POST", "/api/auth/api-key/create", { name: "bench", organizationId: organization.id });
  return { userId: user.id, email, organizationId: organization.id, keyId: key.id, key: key.key, cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
}

/** requests/s, p50 and p99 (ms) of one autocannon run; throws on any error or non-2xx answer. */
async function load(url, headers) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) throw new Error(`${url}: ${failures} errors or non-2xx answers of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** App and floor in PAIRS alternating pairs, after a warm-up of each. */
async function paired(app, floor) {
  await load(app.url, app.headers);
  await load(floor.url, floor.headers);
  const ratios = [];
  const runs = { app: [], floor: [] };
  for (let i = 0; i < PAIRS; i++) {
    const order = i % 2 === 0 ? ["app", "floor"] : ["floor", "app"];
    const pair = {};
    for (const side of order) pair[side] = await load((side === "app" ? app : floor).url, (side === "app" ? app : floor).headers);
    runs.app.push(pair.app);
    runs.floor.push(pair.floor);
    ratios.push(pair.app.rps / pair.floor.rps);
  }
  const summary = (list) => ({ rps: median(list.map((r) => r.rps)), p50: median(list.map((r) => r.p50)), p99: median(list.map((r) => r.p99)) });
  return { app: summary(runs.app), floor: summary(runs.floor), ratio: median(ratios) };
}

const rows = [];
let failed = false;
function report(figure, { app, floor, ratio }) {
  const met = ratio >= BUDGET ? "ok" : "MISSED";
  if (met === "MISSED") failed = true;
  const fmt = (r) => `${r.rps.toFixed(0)}/s p50 ${r.p50} ms p99 ${r.p99} ms`;
  rows.push([figure, fmt(app), fmt(floor), `${ratio.toFixed(2)}×`, `≥ ${BUDGET}× ${met}`]);
}

/** The rows of one template: the API with a session and with a key, and the home page, each against its floor. */
async function measure(template, app, floor, seeded) {
  const session = { cookie: seeded.cookie };
  report(`${template} GET /api/projects, session`, await paired({ url: `${app.url}/api/projects`, headers: session }, floor));
  report(`${template} GET /api/projects, API key`, await paired({ url: `${app.url}/api/projects`, headers: { "x-api-key": seeded.key } }, floor));
  report(`${template} GET / (home page), session`, await paired({ url: `${app.url}/`, headers: session }, { url: `${floor.url}/home` }));
}

async function nodePostgres(pg) {
  const url = pg.database("bench_app");
  sh("node", [path.join(ROOT, "bin/create-authstack.cjs"), "np", "--template", "node-postgres", "--pm", "npm", "--database-url", url, "--no-git", "--yes"]);
  const project = path.join(work, "np");
  sh("npm", ["run", "build"], project);
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const app = await serve("node", ["dist/index.js"], { cwd: project, port, readyPath: "/api/health", extraEnv: { DATABASE_URL: url, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: origin } });
  try {
    const seeded = await seed(app.url, origin);
    // The bench's own key has no per-key limit (the default, 600 a minute, is what a client gets).
    sh("psql", [url, "-c", `update apikey set rate_limit_enabled = false where id = '${seeded.keyId}'`]);
    // A verified address, as most are: its home page also lists the invitations to it.
    sh("psql", [url, "-c", `update "user" set email_verified = true where id = '${seeded.userId}'`]);
    copyFileSync(path.join(ROOT, "scripts/bench-app/floor-pg.mjs"), path.join(project, "floor-pg.mjs"));
    const floorPort = await freePort();
    const floor = await serve("node", ["floor-pg.mjs"], { cwd: project, port: floorPort, extraEnv: { DATABASE_URL: url, ORG: seeded.organizationId, USER: seeded.userId, EMAIL: seeded.email } });
    try {
      await measure("node-postgres", app, floor, seeded);
    } finally {
      await floor.stop();
    }
  } finally {
    await app.stop();
  }
}

async function bunSqlite() {
  sh("node", [path.join(ROOT, "bin/create-authstack.cjs"), "bs", "--template", "bun-sqlite", "--pm", "bun", "--no-git", "--yes"]);
  const project = path.join(work, "bs");
  const file = path.join(project, "data/app.db");
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const app = await serve("bun", ["src/index.ts"], { cwd: project, port, readyPath: "/api/health", extraEnv: { DB_FILE: file, BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: origin } });
  try {
    const seeded = await seed(app.url, origin);
    const sqlite = `const { Database } = require("bun:sqlite"); const db = new Database(${JSON.stringify(file)});`;
    sh("bun", ["-e", `${sqlite} db.run("update apikey set rate_limit_enabled = 0 where id = ?", [${JSON.stringify(seeded.keyId)}]); db.run("update user set email_verified = 1 where id = ?", [${JSON.stringify(seeded.userId)}])`]);
    copyFileSync(path.join(ROOT, "scripts/bench-app/floor-sqlite.ts"), path.join(project, "floor-sqlite.ts"));
    const floorPort = await freePort();
    const floor = await serve("bun", ["floor-sqlite.ts"], { cwd: project, port: floorPort, extraEnv: { DB_FILE: file, ORG: seeded.organizationId, USER: seeded.userId, EMAIL: seeded.email } });
    try {
      await measure("bun-sqlite", app, floor, seeded);
    } finally {
      await floor.stop();
    }
  } finally {
    await app.stop();
  }
}

try {
  if (!existsSync(path.join(ROOT, "dist/index.cjs"))) sh("npm", ["run", "build"], ROOT);
  const pg = await startPostgres15(work);
  if (pg) {
    try {
      await nodePostgres(pg);
    } finally {
      pg.stop();
    }
  } else console.log("node-postgres skipped: PostgreSQL 15's server binaries are not installed (Debian: postgresql-15).");
  if (existsSync(path.join(tools, "bun"))) await bunSqlite();
  else console.log("bun-sqlite skipped: no Bun in .tools (the test suite installs it).");
} finally {
  rmSync(work, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[["request", "app", "floor (bare queries, same database)", "ratio", "budget"], ...rows].map((r) => r[i].length)));
const line = (r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ");
console.log(`\nNode ${process.versions.node}, ${os.cpus().length} cores; ${CONNECTIONS} connections, medians of ${PAIRS} alternating pairs of ${SECONDS} s\n`);
console.log(line(["request", "app", "floor (bare queries, same database)", "ratio", "budget"]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(failed ? "\nA budget was missed." : "\nEvery budget met.");
process.exitCode = failed ? 1 : 0;
