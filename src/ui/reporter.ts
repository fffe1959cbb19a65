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

/**
 * The reporter for this run. Only a terminal gets clack's drawing, so only a terminal run loads it (and with it
 * the clack chunk); CI logs, pipes and --json get lines that read well where they land.
 */
export async function openReporter(options: { json: boolean; stdoutIsTTY: boolean }): Promise<Reporter> {
  if (options.json) return (await import("./json.js")).jsonReporter(process.stdout);
  if (options.stdoutIsTTY) return (await import("./terminal.js")).terminalReporter(process.stderr);
  return (await import("./plain.js")).plainReporter(process.stdout, process.stderr);
}
