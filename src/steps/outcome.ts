import type { ExecResult } from "./exec.js";
import { formatCommand } from "../plan/package-manager.js";
import type { StepContext, StepResult } from "./types.js";

const TAIL_LINES = 15;

/** Turns a finished command into a step result; a failure keeps its log tail and the command to retry. */
export async function commandOutcome(step: { name: StepResult["name"]; command: readonly string[] }, result: ExecResult, ctx: StepContext, durationMs = result.durationMs): Promise<StepResult> {
  const retry = formatCommand(step.command[0]!, step.command.slice(1));
  if (result.ok) return { name: step.name, status: "done", durationMs, retry };
  const tail = result.output.trimEnd().split(/\r?\n/).slice(-TAIL_LINES);
  const logFile = await ctx.saveLog(step.name, result.output);
  return {
    name: step.name,
    status: result.cancelled ? "cancelled" : "failed",
    durationMs,
    retry,
    tail,
    ...(logFile ? { logFile } : {}),
    ...(result.notFound ? { note: `${step.command[0]} was not found on PATH.` } : {}),
  };
}
