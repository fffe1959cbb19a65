// The words of the human reporters (terminal and plain), so both say the same thing. Pure.
import pc from "picocolors";
import { CancelledError, FailureError, UsageError } from "../errors.js";
import type { Plan } from "../plan/plan.js";
import type { StepResult } from "../steps/types.js";
import type { RunResult } from "./result.js";

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

export const introText = (version: string) => `${pc.bold("create-authstack")} ${pc.dim(`v${version}`)}`;
export const defaultsText = (used: readonly string[]) => `Using defaults (no prompts): ${used.join(", ")}`;
export const writtenText = (count: number, directory: string, ms: number) => `Wrote ${count} files to ${directory} ${pc.dim(`(${seconds(ms)})`)}`;
export const DRY_RUN_TITLE = "Dry run: nothing was written";
export const CANCELLED_TEXT = "Cancelled. Nothing was written.";
export const REPRODUCE_TITLE = "To skip prompts next time, run:";

export function planText(plan: Plan, targetDir: string): string {
  const files = plan.files.map((f) => `  ${f.path}`).join("\n");
  const steps = plan.steps.map((s) => `  ${s.command.join(" ")}`).join("\n") || "  (none)";
  return `Would write ${plan.files.length} files to ${targetDir}:\n${files}\n\nWould run:\n${steps}`;
}

export function doneText(result: StepResult): string {
  const took = pc.dim(`(${seconds(result.durationMs)})`);
  if (result.name === "install") return `Installed dependencies ${took}`;
  if (result.name === "migrate") {
    const tables = result.tables ? `: ${result.tables.found.length} of ${result.tables.found.length + result.tables.missing.length} auth tables exist` : "";
    return `Migrated the database${tables} ${took}`;
  }
  return `Created a git repository with a first commit ${took}`;
}

export function failedText(result: StepResult): string {
  const verb = result.status === "cancelled" ? "Stopped" : "Failed";
  return `${verb}: ${result.retry ?? result.name}${result.note ? ` (${result.note})` : ""}`;
}

export const nextTitle = (exitCode: number) => (exitCode === 0 ? "Next steps" : "To finish, run");

export function outroText(result: RunResult, exitCode: number): string {
  if (exitCode === 0 && result.migrated) return `Done: ${result.next.at(-1)} serves sign-up and sign-in.`;
  if (exitCode === 0) return "Done. Run the next steps above to start.";
  if (exitCode === 130) return pc.yellow("Stopped. The project is kept; run the commands above to finish.");
  return pc.red("The project is in place, but a step failed: fix it and run the commands above.");
}

/** What went wrong and how to fix it; a stack only for what is a bug of ours. */
export function failureLines(error: unknown, exitCode: number): { message: string; hint?: string; stack?: string; seeHelp: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof FailureError || error instanceof UsageError ? error.hint : undefined;
  const known = error instanceof UsageError || error instanceof FailureError || error instanceof CancelledError;
  return {
    message,
    ...(hint ? { hint } : {}),
    ...(!known ? { stack: `${(error as Error)?.stack ?? ""}\nThis is a bug in create-authstack; please report it with the output above.` } : {}),
    // A hint already says what to do; otherwise the options are the likely fix (unless the message said so).
    seeHelp: exitCode === 2 && !hint && !message.includes("--help"),
  };
}

export const SEE_HELP = "Run create-authstack --help for the options.";
