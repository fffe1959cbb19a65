import { CancelledError, FailureError, UsageError } from "../errors.js";
import type { Reporter } from "./reporter.js";

/** --json: one object per line on stdout, the last one the result; no colours, no prompts, never a secret. */
export function jsonReporter(stdout: NodeJS.WritableStream): Reporter {
  const emit = (event: Record<string, unknown>) => stdout.write(`${JSON.stringify(event)}\n`);
  return {
    start(version) {
      emit({ type: "start", version });
    },
    defaults(used) {
      if (used.length > 0) emit({ type: "defaults", used });
    },
    warn(message) {
      emit({ type: "warning", message });
    },
    plan(plan, targetDir) {
      emit({
        type: "plan",
        targetDir,
        files: plan.files.map((f) => f.path),
        steps: plan.steps.map((s) => ({ name: s.name, command: s.command })),
      });
    },
    written(fileCount, directory, durationMs) {
      emit({ type: "written", directory, files: fileCount, durationMs });
    },
    step(name) {
      emit({ type: "step", step: name, status: "started" });
      return {
        line: () => undefined,
        end: (result) => {
          const { tail: _tail, ...rest } = result;
          emit({ type: "step", step: name, ...rest });
        },
      };
    },
    finish(result, exitCode) {
      emit({ type: "result", ok: exitCode === 0, exitCode, ...result });
    },
    fail(error, exitCode) {
      const kind = error instanceof UsageError ? "usage" : error instanceof CancelledError ? "cancelled" : "failure";
      const hint = error instanceof FailureError || error instanceof UsageError ? error.hint : undefined;
      emit({ type: "result", ok: false, exitCode, error: { kind, message: (error as Error)?.message ?? String(error), ...(hint ? { hint } : {}) } });
    },
  };
}
