import { runArgs, type PackageManager } from "../plan/package-manager.js";
import { TABLES_SCRIPT, type PlannedStep } from "../plan/plan.js";
import { PLUGIN_TABLES, type PluginId } from "../plan/plugins.js";
import { commandOutcome } from "./outcome.js";
import type { StepContext, StepResult } from "./types.js";

export const AUTH_TABLES = [
  "user",
  "session",
  "account",
  "verification",
  "organization",
  "member",
  "invitation",
  "jwks",
  "apikey",
  "rate_limit",
] as const;

/** The auth tables a project with these plugins has: the template's 10 and the plugins' own. */
export const authTables = (plugins: readonly PluginId[]): string[] => [...AUTH_TABLES, ...plugins.flatMap((id) => PLUGIN_TABLES[id])];

/** Runs the template's own db:migrate, then asks its db:tables which of the expected auth tables now exist. */
export async function runMigrate(step: PlannedStep, pm: PackageManager, ctx: StepContext, expected: readonly string[] = AUTH_TABLES): Promise<StepResult> {
  const [command, ...args] = step.command;
  const env = step.env ? { env: step.env } : {};
  const migrated = await ctx.run(command!, args, { ...env, live: true });
  const outcome = await commandOutcome(step, migrated, ctx);
  if (outcome.status !== "done") return outcome;

  const listed = await ctx.run(pm, runArgs(pm, TABLES_SCRIPT), env);
  const all = listed.ok ? tablesFromOutput(listed.output) : undefined;
  if (!all) {
    return { ...outcome, note: `Could not list the tables afterwards (${pm} run ${TABLES_SCRIPT}).` };
  }
  const found = expected.filter((t) => all.includes(t));
  const missing = expected.filter((t) => !all.includes(t));
  const durationMs = outcome.durationMs + listed.durationMs;
  if (missing.length > 0) {
    return {
      ...outcome,
      status: "failed",
      durationMs,
      tables: { found, missing, all },
      note: `${outcome.retry} finished, but ${missing.length} of the ${expected.length} auth tables are missing: ${missing.join(", ")}.`,
    };
  }
  return { ...outcome, durationMs, tables: { found, missing, all } };
}

/** db:tables prints one line `{"tables":[...]}` among whatever the package manager prints around it. */
export function tablesFromOutput(output: string): string[] | undefined {
  for (const line of output.split(/\r?\n/).reverse()) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(trimmed) as { tables?: unknown };
      if (Array.isArray(parsed.tables) && parsed.tables.every((t) => typeof t === "string")) return parsed.tables as string[];
    } catch {
      // not our line
    }
  }
  return undefined;
}
