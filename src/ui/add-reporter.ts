// What `add` shows: clack on a terminal (loaded only there), plain lines elsewhere. Failures are shown exactly as
// creation shows them.
import pc from "picocolors";
import type { StepResult } from "../steps/types.js";
import type { Reporter } from "./reporter.js";
import { failedText, seconds } from "./texts.js";

export type AddStepView = { line(text: string): void; end(result: StepResult, doneText: string): void };

export interface AddReporter {
  start(title: string): void;
  warn(message: string): void;
  /** --dry-run: the changes as a unified diff */
  diff(text: string): void;
  step(title: string): AddStepView;
  /** a titled list: the files changed, the commands still to run */
  list(title: string, lines: readonly string[]): void;
  finish(text: string, ok: boolean): void;
  fail(error: unknown, exitCode: number): void;
}

export async function openAddReporter(options: { stdoutIsTTY: boolean }): Promise<AddReporter> {
  if (!options.stdoutIsTTY) {
    const { plainReporter } = await import("./plain.js");
    return plainAddReporter(plainReporter(process.stdout, process.stderr));
  }
  const [{ terminalReporter }, clack] = await Promise.all([import("./terminal.js"), import("../vendor/clack.js")]);
  const creation = terminalReporter(process.stderr);
  return {
    start: (title) => clack.intro(title),
    warn: (message) => creation.warn(message),
    diff: (text) => clack.log.message(colourDiff(text)),
    step(title) {
      const task = clack.taskLog({ title, limit: 8, retainLog: false });
      return {
        line: (text) => {
          if (text.trim()) task.message(text);
        },
        end: (result, done) => (result.status === "done" ? task.success(withTime(done, result)) : task.error(failed(result), { showLog: false })),
      };
    },
    list: (title, lines) => clack.note(lines.join("\n"), title),
    finish: (text, ok) => clack.outro(ok ? text : pc.red(text)),
    fail: (error, code) => creation.fail(error, code),
  };
}

function plainAddReporter(creation: Reporter): AddReporter {
  const line = (text = "") => process.stdout.write(`${text}\n`);
  return {
    start: (title) => line(title),
    warn: (message) => creation.warn(message),
    diff: (text) => line(colourDiff(text)),
    step(title) {
      line(`${title}…`);
      return { line: () => undefined, end: (result, done) => line(result.status === "done" ? withTime(done, result) : pc.red(failed(result))) };
    },
    list(title, lines) {
      line();
      line(title);
      for (const text of lines) line(`  ${text}`);
    },
    finish(text, ok) {
      line();
      line(ok ? text : pc.red(text));
    },
    fail: (error, code) => creation.fail(error, code),
  };
}

const withTime = (text: string, result: StepResult) => `${text} ${pc.dim(`(${seconds(result.durationMs)})`)}`;

/** Creation's words for a failed step, then its last lines and where its whole log is. */
function failed(result: StepResult): string {
  const tail = result.tail?.length ? `\n${pc.dim(result.tail.join("\n"))}` : "";
  const log = result.logFile ? `\nFull log: ${result.logFile}` : "";
  return `${failedText(result)}${tail}${log}`;
}

function colourDiff(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.startsWith("+++") || l.startsWith("---") ? pc.bold(l) : l.startsWith("+") ? pc.green(l) : l.startsWith("-") ? pc.red(l) : l.startsWith("@@") ? pc.cyan(l) : l))
    .join("\n");
}
