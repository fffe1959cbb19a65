import { taskLog } from "../vendor/clack.js";
import type { StepResult } from "../steps/types.js";
import type { StepView } from "./reporters.js";

/**
 * A step on a terminal, through clack's task log: a short live tail of the step's output, cleared when it ends
 * well. It leaves stdin alone, unlike the spinner. Its own module, so only a live step loads clack for it.
 */
export function liveStep(title: string, done: (result: StepResult) => string, failed: (result: StepResult) => string): StepView {
  const task = taskLog({ title, limit: 8, retainLog: false });
  return {
    line: (text) => text.trim() && task.message(text),
    end: (result) => (result.status === "done" ? task.success(done(result)) : task.error(failed(result), { showLog: false })),
  };
}
