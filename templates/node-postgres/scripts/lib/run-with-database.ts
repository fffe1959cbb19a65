// Runs a command with the dev database available, and ends it with us: the local server is
// started (or reused) when DATABASE_URL is empty, its URL passed on as DATABASE_URL, and the server
// stopped after the command ends unless another command of the project still uses it.
import { spawn } from "node:child_process";
import { openDatabase } from "./database.ts";

/** The command's exit code. */
export async function runWithDatabase(command: string, args: string[]): Promise<number> {
  const database = await openDatabase();

  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url },
    // npm puts node_modules/.bin on PATH; on Windows those entries are .cmd files.
    shell: process.platform === "win32",
  });

  // Ctrl-C in a terminal, or a signal to the whole process group, already reaches the child too:
  // give it a moment to stop on its own rather than signalling twice (tsx watch force-kills on a
  // second signal). A signal meant for us alone is passed on after that moment.
  let forwardTimer: NodeJS.Timeout | undefined;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      forwardTimer ??= setTimeout(() => child.kill("SIGTERM"), 1_500);
    });
  }
  // `npm run` signals the `sh -c` it runs scripts in, and that shell dies without passing the signal
  // on: we are re-parented instead. Treat that as SIGTERM, so neither the app nor the database
  // outlives the `npm run` that started them.
  const parent = process.ppid;
  const orphanCheck = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(orphanCheck);
      child.kill("SIGTERM");
    }
  }, 500);

  const code = await new Promise<number>((resolve) => {
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal === "SIGINT" ? 130 : 1)));
  });
  clearInterval(orphanCheck);
  if (forwardTimer) clearTimeout(forwardTimer);
  await database.release();
  return code;
}
