import type { ResolvedOptions } from "../plan/options.js";
import { planProject, type PlannedFile, type PlannedStep } from "../plan/plan.js";
import { stepContext } from "../steps/context.js";
import { runGit } from "../steps/git.js";
import { runInstall } from "../steps/install.js";
import { authTables, runMigrate } from "../steps/migrate.js";
import { preflight } from "../steps/preflight.js";
import { shouldRun } from "../steps/sequence.js";
import type { StepResult } from "../steps/types.js";
import { describeTemplate, recordedTemplate } from "../templates/catalog.js";
import { loadTemplate } from "../templates/load.js";
import { openReporter } from "../ui/open-reporter.js";
import type { Reporter } from "../ui/reporter.js";
import type { RunResult } from "../ui/result.js";
import { applyPlan } from "../write/apply.js";
import { inspectTarget } from "../write/inspect-target.js";
import { randomSecret } from "../write/random.js";
import type { Flags } from "./args.js";
import { exitCodeFor } from "./exit-code.js";
import { Interrupt } from "./interrupt.js";
import { decideInteractive, resolveOptions, type RuntimeEnv } from "./resolve.js";
import { nextCommands, reproduceCommand } from "./summary.js";
import { redactUrl } from "./validate.js";

const STEP_TITLES = {
  install: (o: ResolvedOptions) => `Installing dependencies with ${o.packageManager.name}`,
  migrate: () => "Running the first migration",
  git: () => "Creating a git repository",
} as const;

export type CliContext = RuntimeEnv & { version: string; bundledRoot: string; nodeVersion: string };

/** create → configure → finish. Returns the exit code; index.ts is the only place that sets it. */
export async function runCli(flags: Flags, ctx: CliContext): Promise<number> {
  const ui = await openReporter({ json: flags.json === true, stdoutIsTTY: ctx.stdoutIsTTY });
  const interrupt = new Interrupt();
  try {
    ui.start(ctx.version);
    const options = await resolveOptions(flags, ctx, {
      // The prompt library is loaded only for a run that prompts.
      prompter: decideInteractive(flags, ctx) ? (await import("../ui/clack-prompter.js")).clackPrompter(interrupt.signal) : undefined,
      inspectTarget,
    });
    if (!options.interactive) ui.defaults(options.defaultsUsed);

    const template = await loadTemplate(options.template, { bundledRoot: ctx.bundledRoot, cwd: ctx.cwd, offline: options.offline, signal: interrupt.signal });
    const checked = await preflight(options, template, { cwd: ctx.cwd, nodeVersion: ctx.nodeVersion, path: ctx.env.PATH, platform: process.platform });
    for (const warning of checked.warnings) ui.warn(warning);
    const pm = checked.packageManager;
    const plan = planProject({
      options: { ...options, packageManager: pm },
      template,
      secret: randomSecret(),
      record: { template: recordedTemplate(options.template), plugins: options.plugins, createdWith: `create-authstack@${ctx.version}` },
    });
    for (const warning of plan.warnings) ui.warn(warning);
    if (options.dryRun) {
      ui.plan(plan, options.targetDir);
      return exitCodeFor({ ok: true });
    }

    const started = Date.now();
    await applyPlan(plan.files, options.targetDir, interrupt.signal);
    ui.written(plan.files.length, options.directory, Date.now() - started);

    const steps = await runSteps(plan.steps, options, plan.envFile, projectScripts(plan.files), ui, interrupt);
    const result = summarise(options, plan.steps, steps, plan.envFile ? [plan.envFile] : [], plan.warnings);
    const code = exitCodeFor({ result });
    ui.finish(result, code);
    return code;
  } catch (error) {
    const code = exitCodeFor({ error });
    ui.fail(error, code);
    return code;
  } finally {
    interrupt.dispose();
  }
}

async function runSteps(
  planned: readonly PlannedStep[],
  options: ResolvedOptions,
  envFile: string | undefined,
  scripts: Record<string, string>,
  ui: Reporter,
  interrupt: Interrupt,
): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of planned) {
    if (interrupt.signal.aborted || !shouldRun(step.name, results)) continue;
    const view = ui.step(step.name, STEP_TITLES[step.name](options));
    const stepCtx = stepContext({
      cwd: options.targetDir,
      scripts,
      logName: options.packageName,
      signal: interrupt.signal,
      forceSignal: interrupt.forceSignal,
      onLine: view.line,
    });
    const result =
      step.name === "install"
        ? await runInstall(step, stepCtx)
        : step.name === "migrate"
          ? await runMigrate(step, options.packageManager.name, stepCtx, authTables(options.plugins))
          : await runGit(envFile, stepCtx);
    view.end(result);
    results.push(result);
  }
  return results;
}

function projectScripts(files: readonly PlannedFile[]): Record<string, string> {
  const pkg = files.find((f) => f.path === "package.json");
  return pkg ? ((JSON.parse(pkg.content.toString()) as { scripts?: Record<string, string> }).scripts ?? {}) : {};
}

function summarise(options: ResolvedOptions, planned: readonly PlannedStep[], steps: StepResult[], envFiles: string[], warnings: string[]): RunResult {
  const migrate = steps.find((s) => s.name === "migrate");
  return {
    directory: options.directory,
    targetDir: options.targetDir,
    packageName: options.packageName,
    template: describeTemplate(options.template),
    plugins: options.plugins,
    packageManager: options.packageManager.name,
    installed: steps.some((s) => s.name === "install" && s.status === "done"),
    migrated: migrate?.status === "done",
    ...(migrate?.tables ? { tables: { found: migrate.tables.found.length, expected: migrate.tables.found.length + migrate.tables.missing.length, missing: migrate.tables.missing } } : {}),
    envFiles,
    // A migration's output may echo the database URL: never pass its password on.
    steps: steps.map((s) => ({
      ...s,
      ...(s.note ? { note: redactUrl(s.note) } : {}),
      ...(s.tail ? { tail: s.tail.map(redactUrl) } : {}),
    })),
    notRun: planned.filter((p) => !steps.some((s) => s.name === p.name)).map((p) => p.name),
    next: nextCommands(options, steps, planned.map((p) => p.name)),
    reproduce: reproduceCommand(options),
    warnings,
  };
}
