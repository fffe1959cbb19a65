import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { exec } from "./exec.js";
import { directScript } from "./run-script.js";
import type { StepContext } from "./types.js";

/** Package managers' own nags (audit, funding, update checks) only slow an install down. */
const QUIET_INSTALL_ENV = {
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  NO_UPDATE_NOTIFIER: "1",
};

export type StepRunOptions = {
  /** the project folder: where every command runs */
  cwd: string;
  /** the project's package.json scripts: `<pm> run <script>` runs the script line itself where it can */
  scripts: Readonly<Record<string, string>>;
  /** names a failed step's log file: "<logName>-install-<time>.log" */
  logName: string;
  signal: AbortSignal;
  forceSignal: AbortSignal;
  onLine: (line: string) => void;
};

/** How the steps of creation and of `add` run their commands and keep a failed one's log. */
export function stepContext(options: StepRunOptions): StepContext {
  return {
    cwd: options.cwd,
    run: (command, args, extra) => {
      const direct = directScript({ command, args }, options.scripts, options.cwd, process.platform, process.env.PATH);
      return exec(direct?.command ?? command, direct?.args ?? args, {
        cwd: options.cwd,
        env: { ...QUIET_INSTALL_ENV, ...extra?.env, ...direct?.env },
        signal: options.signal,
        forceSignal: options.forceSignal,
        ...(extra?.live ? { onLine: options.onLine } : {}),
      });
    },
    saveLog: async (name, output) => {
      const dir = path.join(os.tmpdir(), "create-authstack-logs");
      const file = path.join(dir, `${options.logName}-${name}-${Date.now()}.log`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, output);
        return file;
      } catch {
        return undefined;
      }
    },
  };
}
