import type { PlannedStep } from "../plan/plan.js";
import { commandOutcome } from "./outcome.js";
import type { StepContext, StepResult } from "./types.js";

export async function runInstall(step: PlannedStep, ctx: StepContext): Promise<StepResult> {
  const [command, ...args] = step.command;
  const result = await ctx.run(command!, args, { ...(step.env ? { env: step.env } : {}), live: true });
  return commandOutcome(step, result, ctx);
}
