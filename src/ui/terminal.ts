import pc from "picocolors";
import { CancelledError } from "../errors.js";
import { cancel, intro, log, note, outro, taskLog } from "../vendor/clack.js";
import type { Reporter } from "./reporter.js";
import * as say from "./texts.js";

/** A terminal: every line drawn by clack (this module is loaded only for one), errors on stderr. */
export function terminalReporter(stderr: NodeJS.WriteStream): Reporter {
  return {
    start(version) {
      intro(say.introText(version));
    },
    defaults(used) {
      if (used.length > 0) log.info(say.defaultsText(used));
    },
    warn(message) {
      log.warn(message);
    },
    plan(plan, targetDir) {
      note(say.planText(plan, targetDir), say.DRY_RUN_TITLE);
    },
    written(count, directory, durationMs) {
      log.success(say.writtenText(count, directory, durationMs));
    },
    step(_name, title) {
      // clack's task log: a short live tail of the step's output, cleared when it ends well. Unlike the spinner it
      // leaves stdin alone, so Ctrl-C reaches our own handler (stop the step, keep the project).
      const task = taskLog({ title, limit: 8, retainLog: false });
      return {
        line: (text) => {
          if (text.trim()) task.message(text);
        },
        end: (result) => (result.status === "done" ? task.success(say.doneText(result)) : task.error(say.failedText(result), { showLog: false })),
      };
    },
    finish(result, exitCode) {
      for (const step of result.steps) {
        if (step.status !== "done" && step.tail?.length) log.message(pc.dim(step.tail.join("\n")));
        if (step.logFile) log.info(`Full ${step.name} log: ${step.logFile}`);
        if (step.note) (step.status === "failed" ? log.error : log.warn)(step.note);
      }
      if (result.notRun.length > 0) log.warn(`Not run: ${result.notRun.join(", ")}.`);
      note(result.next.join("\n"), say.nextTitle(exitCode));
      log.message(`${say.REPRODUCE_TITLE}\n${pc.cyan(result.reproduce)}`);
      outro(say.outroText(result, exitCode));
    },
    fail(error, exitCode) {
      if (error instanceof CancelledError) return void cancel(say.CANCELLED_TEXT);
      const { message, hint, stack, seeHelp } = say.failureLines(error, exitCode);
      const lines = [message, hint, stack && pc.dim(stack), seeHelp && pc.dim(say.SEE_HELP)].filter(Boolean).join("\n");
      log.error(lines, { output: stderr });
    },
  };
}
