import type { PlannedStep } from "../plan/plan.js";
import type { StepResult } from "../steps/types.js";

/** What a finished run reports: the human summary and the final --json object are both made from this. */
export type RunResult = {
  directory: string;
  targetDir: string;
  packageName: string;
  template: string;
  /** the Better Auth plugins added on top of the template's own */
  plugins: string[];
  packageManager: string;
  installed: boolean;
  migrated: boolean;
  /** the 9 Better Auth tables found after migrating */
  tables?: { found: number; expected: number; missing: string[] };
  /** env files written, by name only: their content is secret */
  envFiles: string[];
  steps: StepResult[];
  /** steps not run because an earlier one failed or was cancelled */
  notRun: PlannedStep["name"][];
  next: string[];
  reproduce: string;
  warnings: string[];
};
