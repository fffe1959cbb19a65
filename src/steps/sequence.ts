import type { StepName } from "../plan/plan.js";
import type { StepResult } from "./types.js";

/**
 * Whether a planned step still runs after the ones before it. A failed install leaves nothing to migrate, but git
 * still runs after a failed install or migration: the files are in place, and a first commit is what a user
 * wants before they fix anything (CONTRACT §4). After Ctrl-C nothing more runs.
 */
export function shouldRun(step: StepName, earlier: readonly StepResult[]): boolean {
  if (earlier.some((r) => r.status === "cancelled")) return false;
  if (step === "git") return true;
  return !earlier.some((r) => r.status === "failed");
}
