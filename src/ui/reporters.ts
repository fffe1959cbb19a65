import { paint } from "./colors.js";
import { CancelledError, FailureError, UsageError } from "../errors.js";
import * as log from "./log.js";
import type { Plan, StepName } from "../plan/plan.js";
import type { RunResult } from "./result.js";
import { AUTH_TABLES } from "../steps/migrate.js";
import type { StepResult } from "../steps/types.js";

/** A running step's view: lines of its output as they come, then its result. */
export type StepView = { line(text: string): void; end(result: StepResult): void };

/** Everything the user sees goes through one of these: terminal text, or JSON lines for --json. */
export interface Reporter {
  start(version: string): void;
  defaults(used: readonly string[]): void;
  warn(message: string): void;
  plan(plan: Plan, targetDir: string): void;
  written(fileCount: number, directory: string, durationMs: number): void;
  /** Async: a live step on a terminal loads clack's task log first. */
  step(name: StepName, title: string): Promise<StepView>;
  finish(result: RunResult, exitCode: number): void;
  fail(error: unknown, exitCode: number): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

export function terminalReporter(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): Reporter {
  const live = stdout.isTTY === true;
  return {
    start(version) {
      log.intro(`${paint("bold", "create-authstack")} ${paint("dim", `v${version}`)}`);
    },
    defaults(used) {
      if (used.length > 0) log.info(`Using defaults (no prompts): ${used.join(", ")}`);
    },
    warn(message) {
      log.warn(message);
    },
    plan(plan, targetDir) {
      const files = plan.files.map((f) => `  ${f.path}`).join("\n");
      const steps = plan.steps.map((s) => `  ${s.command.join(" ")}`).join("\n") || "  (none)";
      log.note(`Would write ${plan.files.length} files to ${targetDir}:\n${files}\n\nWould run:\n${steps}`, "Dry run: nothing was written");
    },
    written(count, directory, durationMs) {
      log.success(`Wrote ${count} files to ${directory} ${paint("dim", `(${seconds(durationMs)})`)}`);
    },
    async step(name, title) {
      if (live) return (await import("./live-step.js")).liveStep(title, doneText, failedText);
      log.step(`${title}…`);
      return {
        line: () => undefined,
        end: (result) => (result.status === "done" ? log.success(doneText(result)) : log.error(failedText(result))),
      };
    },
    finish(result, exitCode) {
      for (const step of result.steps) {
        if (step.status !== "done" && step.tail?.length) {
          log.message(paint("dim", step.tail.join("\n")));
        }
        if (step.logFile) log.info(`Full ${step.name} log: ${step.logFile}`);
        if (step.note) (step.status === "failed" ? log.error : log.warn)(step.note);
      }
      if (result.notRun.length > 0) log.warn(`Not run: ${result.notRun.join(", ")}.`);
      log.note(result.next.join("\n"), exitCode === 0 ? "Next steps" : "To finish, run");
      log.message(`To skip prompts next time, run:\n${paint("cyan", result.reproduce)}`);
      if (exitCode === 0 && result.migrated) {
        log.outro(`Done: ${result.next.at(-1)} serves sign-up and sign-in.`);
      } else if (exitCode === 0) {
        log.outro("Done. Run the next steps above to start.");
      } else if (exitCode === 130) {
        log.outro(paint("yellow", "Stopped. The project is kept; run the commands above to finish."));
      } else {
        log.outro(paint("red", "The project is in place, but a step failed: fix it and run the commands above."));
      }
    },
    fail(error, exitCode) {
      if (error instanceof CancelledError) {
        log.cancel("Cancelled. Nothing was written.");
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const hint = error instanceof FailureError || error instanceof UsageError ? error.hint : undefined;
      stderr.write(`${paint("red", "✖", stderr)} ${message}\n${hint ? `  ${hint}\n` : ""}`);
      if (!(error instanceof UsageError) && !(error instanceof FailureError)) {
        stderr.write(`${paint("dim", (error as Error)?.stack ?? "", stderr)}\nThis is a bug in create-authstack; please report it with the output above.\n`);
      }
      // A hint already says what to do; otherwise the options are the likely fix.
      if (exitCode === 2 && !hint) stderr.write(paint("dim", "Run create-authstack --help for the options.", stderr) + "\n");
    },
  };
}

function doneText(result: StepResult): string {
  const took = paint("dim", `(${seconds(result.durationMs)})`);
  if (result.name === "install") return `Installed dependencies ${took}`;
  if (result.name === "migrate") {
    const tables = result.tables ? `: ${result.tables.found.length} of ${AUTH_TABLES.length} auth tables exist` : "";
    return `Migrated the database${tables} ${took}`;
  }
  return `Created a git repository with a first commit ${took}`;
}

function failedText(result: StepResult): string {
  const verb = result.status === "cancelled" ? "Stopped" : "Failed";
  return `${verb}: ${result.retry ?? result.name}${result.note ? ` (${result.note})` : ""}`;
}

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
    async step(name) {
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
