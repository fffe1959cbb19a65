import type { Plan, StepName } from "../plan/plan.js";
import type { StepResult } from "../steps/types.js";
import type { RunResult } from "./result.js";

/** A running step's view: lines of its output as they come, then its result. */
export type StepView = { line(text: string): void; end(result: StepResult): void };

/** Everything the user sees goes through one of these: clack on a terminal, plain lines elsewhere, JSON for --json. */
export interface Reporter {
  start(version: string): void;
  defaults(used: readonly string[]): void;
  warn(message: string): void;
  plan(plan: Plan, targetDir: string): void;
  written(fileCount: number, directory: string, durationMs: number): void;
  step(name: StepName, title: string): StepView;
  finish(result: RunResult, exitCode: number): void;
  fail(error: unknown, exitCode: number): void;
}
