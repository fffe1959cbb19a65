import type { ExecResult } from "./exec.js";
import type { StepName } from "../plan/plan.js";

export type StepStatus = "done" | "failed" | "skipped" | "cancelled";

export type StepResult = {
  /** creation's steps, and `add`'s own two: the auth schema regenerated, the next migration written */
  name: StepName | "schema" | "migration";
  status: StepStatus;
  durationMs: number;
  /** the exact command to run again, in the project folder */
  retry?: string;
  /** full output of a failed step */
  logFile?: string;
  tail?: string[];
  /** why a step was skipped or what the user should know */
  note?: string;
  /** migrate: the auth tables found in the database afterwards */
  tables?: { found: string[]; missing: string[]; all: string[] };
};

export type Runner = (command: string, args: readonly string[], extra?: { env?: Record<string, string>; live?: boolean }) => Promise<ExecResult>;

export type StepContext = {
  cwd: string;
  run: Runner;
  /** saves a failed step's full output and returns the file's path */
  saveLog: (name: string, output: string) => Promise<string | undefined>;
};
