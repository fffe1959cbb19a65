import pc from "picocolors";
import { CancelledError } from "../errors.js";
import type { Reporter } from "./reporter.js";
import * as say from "./texts.js";

/**
 * Lines for a log, not a terminal (CI, a pipe, a file): one event a line, no drawing, no cursor movement, so the
 * log reads in order wherever it is shown. Errors go to stderr.
 */
export function plainReporter(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Reporter {
  const line = (text = "") => stdout.write(`${text}\n`);
  const block = (title: string, lines: readonly string[]) => {
    line();
    line(title);
    for (const text of lines) line(`  ${text}`);
  };
  return {
    start(version) {
      line(say.introText(version));
    },
    defaults(used) {
      if (used.length > 0) line(say.defaultsText(used));
    },
    warn(message) {
      line(`${pc.yellow("Warning:")} ${message}`);
    },
    plan(plan, targetDir) {
      block(say.DRY_RUN_TITLE, say.planText(plan, targetDir).split("\n"));
    },
    written(count, directory, durationMs) {
      line(say.writtenText(count, directory, durationMs));
    },
    step(_name, title) {
      line(`${title}…`);
      return {
        line: () => undefined,
        end: (result) => line(result.status === "done" ? say.doneText(result) : pc.red(say.failedText(result))),
      };
    },
    finish(result, exitCode) {
      for (const step of result.steps) {
        if (step.status !== "done" && step.tail?.length) block(`Last lines of ${step.name}:`, step.tail.map((t) => pc.dim(t)));
        if (step.logFile) line(`Full ${step.name} log: ${step.logFile}`);
        if (step.note) line(`${step.status === "failed" ? pc.red("Error:") : pc.yellow("Note:")} ${step.note}`);
      }
      if (result.notRun.length > 0) line(`${pc.yellow("Not run:")} ${result.notRun.join(", ")}.`);
      block(say.nextTitle(exitCode), result.next);
      block(say.REPRODUCE_TITLE, [pc.cyan(result.reproduce)]);
      line();
      line(say.outroText(result, exitCode));
    },
    fail(error, exitCode) {
      if (error instanceof CancelledError) return void line(say.CANCELLED_TEXT);
      const { message, hint, stack, seeHelp } = say.failureLines(error, exitCode);
      stderr.write(`${pc.red("✖")} ${message}\n${hint ? `  ${hint}\n` : ""}`);
      if (stack) stderr.write(`${pc.dim(stack)}\n`);
      if (seeHelp) stderr.write(`${pc.dim(say.SEE_HELP)}\n`);
    },
  };
}
