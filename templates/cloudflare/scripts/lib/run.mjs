// Runs a package's CLI with this Node (no shell, no .bin shims), so every script works the same on
// Windows, macOS and Linux, under npm, pnpm, yarn and bun.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Wrangler's own bin script (it checks the Node version, then starts the real CLI). */
export const WRANGLER_BIN = path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");

/**
 * Local development and tests make no calls home: no usage metrics, no error reports, no update
 * check (shown with the banner), no request.cf lookup. A value already set in the environment wins.
 */
export const OFFLINE_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  DO_NOT_TRACK: "1",
  BETTER_AUTH_TELEMETRY: "0",
};

/** Sets the offline defaults on this process (for in-process wrangler APIs such as getPlatformProxy). */
export function applyOfflineEnv() {
  for (const [name, value] of Object.entries(OFFLINE_ENV)) process.env[name] ??= value;
}

/**
 * Runs `node <script> ...args`. stdout is inherited, or captured and returned with `capture`;
 * `interactive: false` gives the child no stdin, so wrangler takes its non-interactive defaults.
 * SIGINT, SIGTERM and SIGHUP are passed on, whether they came from the terminal (which also signals
 * the child) or were sent to this process alone (a supervisor, `kill <pid>`): the child never outlives us.
 * `stopWhenOrphaned` also stops the child when our parent dies: `npm run` stops through a shell
 * that does not pass SIGTERM on, and a dev server must not outlive the command that started it.
 * Resolves with the exit code (signals map to 128 + n, as shells do).
 *
 * @param {string} script
 * @param {string[]} args
 * @param {{ capture?: boolean, interactive?: boolean, stopWhenOrphaned?: boolean, env?: Record<string, string> }} [options]
 * @returns {Promise<{ code: number, stdout: string }>}
 */
export function runNode(script, args, { capture = false, interactive = true, stopWhenOrphaned = false, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: [interactive ? "inherit" : "ignore", capture ? "pipe" : "inherit", "inherit"],
      env: { ...OFFLINE_ENV, ...process.env, ...env },
    });
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    const signals = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
    for (const signal of signals) process.on(signal, forward);
    const parent = process.ppid;
    const orphanWatch = stopWhenOrphaned
      ? setInterval(() => process.ppid !== parent && child.kill("SIGTERM"), 500).unref()
      : undefined;
    child.on("error", reject);
    child.on("close", (code, signal) => {
      for (const name of signals) process.off(name, forward);
      clearInterval(orphanWatch);
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), stdout });
    });
  });
}
