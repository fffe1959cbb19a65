import { CancelledError, FailureError, UsageError } from "../errors.js";
import type { StepResult } from "../steps/types.js";

export const EXIT = { ok: 0, failure: 1, usage: 2, stepFailed: 3, cancelled: 130 } as const;

/** The one decision of the exit code, from a finished run (create or add) or from what was thrown. */
export function exitCodeFor(outcome: { result: { steps: readonly Pick<StepResult, "name" | "status">[] } } | { error: unknown } | { ok: true }): number {
  if ("ok" in outcome) return EXIT.ok;
  if ("error" in outcome) {
    const { error } = outcome;
    if (error instanceof UsageError) return EXIT.usage;
    if (error instanceof CancelledError) return EXIT.cancelled;
    if (error instanceof FailureError) return EXIT.failure;
    return EXIT.failure;
  }
  // A git step that failed is a note: the project and its dependencies are fine.
  const statuses = outcome.result.steps.map((s) => (s.name === "git" && s.status === "failed" ? "done" : s.status));
  if (statuses.includes("cancelled")) return EXIT.cancelled;
  if (statuses.includes("failed")) return EXIT.stepFailed;
  return EXIT.ok;
}
