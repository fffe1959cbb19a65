// `create-authstack add <plugin…>`: find the project, plan the edits, refuse what must be refused before anything
// changes, write, then install, regenerate the auth schema, write the next migration and apply it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CliContext } from "../cli/run.js";
import { exitCodeFor } from "../cli/exit-code.js";
import { Interrupt } from "../cli/interrupt.js";
import { UsageError } from "../errors.js";
import { formatCommand, installCommand, projectPackageManager, runArgs, type DetectedPackageManager } from "../plan/package-manager.js";
import { MIGRATE_SCRIPT } from "../plan/plan.js";
import { stepContext } from "../steps/context.js";
import { runInstall } from "../steps/install.js";
import { authTables, runMigrate } from "../steps/migrate.js";
import { commandOutcome } from "../steps/outcome.js";
import type { StepContext, StepResult } from "../steps/types.js";
import { BUNDLED_TEMPLATES } from "../templates/catalog.js";
import { loadTemplate } from "../templates/load.js";
import { openAddReporter } from "../ui/add-reporter.js";
import { parseAddArgs, renderAddHelp } from "./args.js";
import { renderDiff } from "./diff.js";
import { uncommittedFiles } from "./git-state.js";
import { type AddPlan, planAdd, SCHEMA_FILE } from "./plan-add.js";
import { findProject } from "./project.js";

const MIGRATIONS_DIR = "drizzle";

/** Returns the exit code; index.ts sets it. */
export async function runAdd(argv: readonly string[], ctx: CliContext): Promise<number> {
  const ui = await openAddReporter({ stdoutIsTTY: ctx.stdoutIsTTY });
  const interrupt = new Interrupt();
  try {
    const flags = parseAddArgs(argv);
    if (flags.help) {
      process.stdout.write(renderAddHelp());
      return exitCodeFor({ ok: true });
    }
    const { root, record } = findProject(ctx.cwd);
    if (!BUNDLED_TEMPLATES.some((t) => t.id === record.template)) {
      throw new UsageError(
        `add knows the plugins of the bundled templates (${BUNDLED_TEMPLATES.map((t) => t.id).join(", ")}); this project was made from ${record.template}.`,
      );
    }
    ui.start(`create-authstack v${ctx.version}: adding ${flags.plugins.join(", ")} to ${path.basename(root)} (${record.template})`);

    const [template, editor] = await Promise.all([
      loadTemplate({ kind: "bundled", id: record.template }, { bundledRoot: ctx.bundledRoot, cwd: ctx.cwd }),
      // The editor and its parser are loaded only here.
      import("../plugins/edit-source.mjs"),
    ]);
    const read = (file: string) => readText(path.join(root, file));
    let plan: AddPlan;
    try {
      plan = planAdd({ record, ids: flags.plugins, template, read, editor });
    } catch (error) {
      if (!(error instanceof editor.AuthConfigError)) throw error;
      throw new UsageError(`${error.message} Nothing was changed.`, "add edits the plugins: [...] list creation wrote; put it back as it was (git diff src/auth.ts) and run add again.");
    }

    const edited = [...plan.changes.filter((c) => c.before !== undefined).map((c) => c.path), SCHEMA_FILE];
    const dirty = await uncommittedFiles(root, edited);
    if (dirty === undefined) ui.warn("This project is not in a git repository, so add cannot tell whether the files it edits hold uncommitted work; commit the project first to be able to undo add.");
    else if (dirty.length > 0 && !flags.force && !flags.dryRun) {
      throw new UsageError(
        `${dirty.join(", ")} ${dirty.length > 1 ? "have" : "has"} uncommitted changes, and add would edit ${dirty.length > 1 ? "them" : "it"}: nothing was changed.`,
        "Commit or stash them first (git add -A && git commit -m 'before add'), or run add again with --force to edit them anyway.",
      );
    } else if (dirty.length > 0) ui.warn(`${dirty.join(", ")}: uncommitted changes${flags.force ? ", edited anyway (--force)" : ""}.`);

    const pkg = JSON.parse(read("package.json")!) as { packageManager?: string; scripts?: Record<string, string> };
    const pm = projectPackageManager(readdirSync(root), pkg.packageManager, ctx.env.npm_config_user_agent);
    const commands = stepCommands(pm, plan);
    if (flags.dryRun) {
      ui.diff(renderDiff(plan.changes));
      ui.list("Then add would run:", commands.map(shown));
      ui.finish("Dry run: nothing was changed.", true);
      return exitCodeFor({ ok: true });
    }

    const migrationsBefore = listMigrations(root);
    const schemaBefore = read(SCHEMA_FILE);
    const fs = await import("../vendor/fs-extra.js");
    for (const change of plan.changes) fs.outputFileSync(path.join(root, change.path), change.after);

    // The scripts as they are now: a plugin may bring one (admin's auth:admin).
    const scripts = (JSON.parse(read("package.json")!) as typeof pkg).scripts ?? {};
    const steps: StepResult[] = [];
    for (const step of commands) {
      if (interrupt.signal.aborted) break;
      const view = ui.step(step.title);
      const run = stepContext({ cwd: root, scripts, logName: path.basename(root), signal: interrupt.signal, forceSignal: interrupt.forceSignal, onLine: view.line });
      const result = await runStep(step, pm, run, plan);
      view.end(result, step.done);
      steps.push(result);
      if (result.status !== "done") break;
    }

    const schemaChanged = read(SCHEMA_FILE) !== schemaBefore;
    const newMigrations = listMigrations(root).filter((file) => !migrationsBefore.includes(file));
    ui.list("Changed:", [
      ...plan.changes.map((c) => `${c.before === undefined ? "added  " : "changed"} ${c.path}`),
      ...(schemaChanged ? [`changed ${SCHEMA_FILE}`] : []),
      ...newMigrations.map((file) => `added   ${MIGRATIONS_DIR}/${file}`),
    ]);
    const code = exitCodeFor({ result: { steps } });
    if (code === 0) {
      ui.finish(`Added ${flags.plugins.join(", ")}: review with git diff, then ${formatCommand(pm.name, runArgs(pm.name, "dev"))}.`, true);
    } else {
      const stopped = steps.findIndex((s) => s.status !== "done");
      const left = commands.slice(stopped === -1 ? steps.length : stopped);
      ui.list("To finish, run in the project:", left.map(shown));
      ui.finish("The files are changed, but a step did not finish: fix it and run the commands above.", false);
    }
    return code;
  } catch (error) {
    const code = exitCodeFor({ error });
    ui.fail(error, code);
    return code;
  } finally {
    interrupt.dispose();
  }
}

const shown = (step: AddStep) => formatCommand(step.command[0]!, step.command.slice(1));

type AddStep = { name: StepResult["name"]; title: string; done: string; command: string[]; env?: Record<string, string> };

function stepCommands(pm: DetectedPackageManager, plan: AddPlan): AddStep[] {
  const install = installCommand(pm);
  const script = (name: string, args: readonly string[] = []) => [pm.name, ...runArgs(pm.name, name, args)];
  return [
    ...(plan.install
      ? [{ name: "install" as const, title: `Installing the plugins' packages with ${pm.name}`, done: "Installed the plugins' packages", command: [pm.name, ...install.args], ...(install.env ? { env: install.env } : {}) }]
      : []),
    { name: "schema", title: `Regenerating ${SCHEMA_FILE} with the Better Auth CLI`, done: `Regenerated ${SCHEMA_FILE}`, command: script("auth:generate") },
    { name: "migration", title: "Writing the next migration with drizzle-kit", done: "Wrote the next migration", command: script("db:generate", ["--name", plan.migrationName]) },
    { name: "migrate", title: "Applying it to the local database", done: "Migrated the database", command: script(MIGRATE_SCRIPT) },
  ];
}

async function runStep(step: AddStep, pm: DetectedPackageManager, ctx: StepContext, plan: AddPlan): Promise<StepResult> {
  const planned = { name: step.name, command: step.command, ...(step.env ? { env: step.env } : {}) };
  if (step.name === "install") return runInstall({ ...planned, name: "install" }, ctx);
  if (step.name === "migrate") return runMigrate({ ...planned, name: "migrate" }, pm.name, ctx, authTables(plan.plugins));
  const [command, ...args] = step.command;
  return commandOutcome(planned, await ctx.run(command!, args, { live: true }), ctx);
}

function listMigrations(root: string): string[] {
  try {
    return readdirSync(path.join(root, MIGRATIONS_DIR)).filter((file) => file.endsWith(".sql"));
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
