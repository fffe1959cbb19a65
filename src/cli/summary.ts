import { createArgs, formatCommand, type PackageManager, runArgs } from "../plan/package-manager.js";
import type { ResolvedOptions } from "../plan/options.js";
import type { StepResult } from "../steps/types.js";
import { describeTemplate } from "../templates/catalog.js";

/** The commands a user runs next: what is left of the steps, then the dev server. */
export function nextCommands(options: Pick<ResolvedOptions, "directory" | "packageManager">, steps: readonly StepResult[], planned: readonly string[]): string[] {
  const pm = options.packageManager.name;
  const done = new Set(steps.filter((s) => s.status === "done").map((s) => s.name));
  const commands: string[] = [];
  if (options.directory !== ".") commands.push(formatCommand("cd", [options.directory]));
  const retry = (name: string) => steps.find((s) => s.name === name && s.status !== "done")?.retry;
  if (!done.has("install")) commands.push(retry("install") ?? `${pm} install`);
  if (!done.has("migrate")) commands.push(retry("migrate") ?? formatCommand(pm, runArgs(pm, "db:migrate")));
  const git = steps.find((s) => s.name === "git");
  if (planned.includes("git") && git?.status !== "done" && git?.retry) commands.push(git.retry);
  commands.push(formatCommand(pm, runArgs(pm, "dev")));
  return commands;
}

/** The one-shot command that reproduces this run without prompts. The database URL is never printed. */
export function reproduceCommand(options: ResolvedOptions, pm: PackageManager = options.packageManager.name): string {
  const flags = [`--template`, describeTemplate(options.template), `--pm`, options.packageManager.name];
  if (options.plugins.length > 0) flags.push("--plugins", options.plugins.join(","));
  if (options.databaseUrl) flags.push("--database-url", '"$DATABASE_URL"');
  if (!options.install) flags.push("--no-install");
  else if (!options.migrate) flags.push("--no-migrate");
  if (!options.git) flags.push("--no-git");
  if (options.overwrite) flags.push("--overwrite");
  if (options.offline && options.template.kind === "remote") flags.push("--offline");
  flags.push("--yes");
  const [cmd, ...args] = [pm, ...createArgs(pm, [options.directory], flags)];
  return formatCommand(cmd!, args);
}
