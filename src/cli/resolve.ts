import path from "node:path";
import type { Flags } from "./args.js";
import { UsageError } from "../errors.js";
import {
  type DetectedPackageManager,
  type PackageManager,
  PACKAGE_MANAGERS,
  packageManagerFromUserAgent,
} from "../plan/package-manager.js";
import { DEFAULT_PACKAGE_NAME, toPackageName } from "../plan/package-name.js";
import { parsePluginList, PLUGIN_IDS, PLUGIN_LABELS, type PluginId, sortPlugins } from "../plan/plugins.js";
import type { ResolvedOptions } from "../plan/options.js";
import type { Prompter } from "../ui/prompter.js";
import type { TargetState } from "../write/inspect-target.js";
import { BUNDLED_TEMPLATES, DEFAULT_TEMPLATE, describeTemplate, type TemplateSource } from "../templates/catalog.js";
import { parseTemplateSource, redactUrl, validateDatabaseUrl, validateDirectory, validatePackageManager } from "./validate.js";

export type RuntimeEnv = {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
};



export type { ResolvedOptions, TargetState };

export type ResolveDeps = {
  /** Asked only when the run is interactive (decideInteractive), so a run that never prompts may leave it out. */
  prompter?: Prompter;
  inspectTarget: (absolutePath: string) => TargetState;
};

/** Templates whose env file takes a PostgreSQL URL, so --database-url and the database prompt apply. */
const POSTGRES_TEMPLATES = new Set(["node-postgres"]);
const OTHER_TEMPLATE = "__other__";

/** Decides every option: the flag if given (validated like an answer), else a prompt, else the default. */
export async function resolveOptions(flags: Flags, runtime: RuntimeEnv, deps: ResolveDeps): Promise<ResolvedOptions> {
  const interactive = decideInteractive(flags, runtime);
  const ask = interactive ? deps.prompter : undefined;
  const defaultsUsed: string[] = [];
  const byDefault = <T>(label: string, value: T, shown = String(value)): T => {
    defaultsUsed.push(`${label}: ${shown}`);
    return value;
  };

  // Every flag is checked before the first prompt, so a typo fails at once.
  const flagTemplate = flags.template === undefined ? undefined : checked(parseTemplateSource(flags.template));
  const flagPlugins = flags.plugins === undefined ? undefined : checked(parsePluginList(flags.plugins));
  if (flags.packageManager !== undefined) usage(validatePackageManager(flags.packageManager));
  if (flags.databaseUrl !== undefined) usage(validateDatabaseUrl(flags.databaseUrl));
  if (flags.directory !== undefined) usage(validateDirectory(flags.directory));
  if (flags.install === false && flags.migrate === true) {
    throw new UsageError("--migrate needs the dependencies installed: drop --no-install, or add --no-migrate.");
  }
  if (flagTemplate && flags.databaseUrl !== undefined && !acceptsDatabaseUrl(flagTemplate)) {
    throw new UsageError(
      `--database-url applies to node-postgres only; ${describeTemplate(flagTemplate)} keeps its database locally.`,
    );
  }

  const given = <T>(message: string, value: T, shown = String(value)): T => {
    ask?.answered(message, shown);
    return value;
  };

  let overwrite = flags.overwrite === true;
  let directory: string;
  let targetDir: string;
  for (;;) {
    directory =
      (flags.directory !== undefined ? given("Where should the project go?", flags.directory) : undefined) ??
      (ask
        ? await ask.text({
            message: "Where should the project go?",
            placeholder: DEFAULT_PACKAGE_NAME,
            defaultValue: DEFAULT_PACKAGE_NAME,
            validate: (value) =>
              validateDirectory(value || DEFAULT_PACKAGE_NAME) ??
              fileConflict(deps.inspectTarget(path.resolve(runtime.cwd, value || DEFAULT_PACKAGE_NAME)), value),
          })
        : byDefault("directory", DEFAULT_PACKAGE_NAME));
    directory = directory.trim();
    targetDir = path.resolve(runtime.cwd, directory);
    const target = deps.inspectTarget(targetDir);
    usage(fileConflict(target, directory));
    if (target.kind !== "non-empty" || overwrite) break;
    const listed = describeEntries(target.entries);
    if (!ask || flags.directory !== undefined) {
      throw new UsageError(
        `${shownDir(directory)} is not empty (${listed}). Choose another directory, or pass --overwrite to add the project's files into it (nothing there is deleted; files with the same names are replaced).`,
      );
    }
    overwrite = await ask.confirm({
      message: `${shownDir(directory)} is not empty (${listed}). Add the project's files into it? Nothing is deleted; files with the same names are replaced.`,
      initialValue: false,
    });
    if (overwrite) break;
  }

  const template =
    (flagTemplate ? given("Which template?", flagTemplate, describeTemplate(flagTemplate)) : undefined) ??
    (ask ? await askTemplate(ask) : byDefault("template", { kind: "bundled", id: DEFAULT_TEMPLATE } as const, DEFAULT_TEMPLATE));

  // Asked for the bundled templates, which all offer them; any other template is checked once it is loaded.
  const plugins: PluginId[] =
    (flagPlugins ? given("Which sign-in features should it have?", flagPlugins, shownPlugins(flagPlugins)) : undefined) ??
    (ask && template.kind === "bundled"
      ? await ask.multiselect<PluginId>({
          message: "Which sign-in features should it have?",
          options: PLUGIN_IDS.map((id) => ({ value: id, ...PLUGIN_LABELS[id] })),
        })
      : byDefault("plugins", [], "none"));

  const detected = packageManagerFromUserAgent(runtime.env.npm_config_user_agent);
  const pmName: PackageManager =
    (flags.packageManager !== undefined ? given("Which package manager?", flags.packageManager as PackageManager) : undefined) ??
    (ask
      ? await ask.select<PackageManager>({
          message: "Which package manager?",
          options: PACKAGE_MANAGERS.map((pm) => ({ value: pm, label: pm })),
          initialValue: detected?.name ?? "npm",
        })
      : byDefault("package manager", detected?.name ?? "npm"));
  const packageManager: DetectedPackageManager =
    detected?.name === pmName && detected.version ? { name: pmName, version: detected.version } : { name: pmName };

  let databaseUrl = flags.databaseUrl?.trim();
  if (databaseUrl !== undefined) given("Which PostgreSQL?", databaseUrl, redactUrl(databaseUrl));
  if (databaseUrl === undefined && ask && acceptsDatabaseUrl(template) && template.kind === "bundled") {
    const choice = await ask.select<"local" | "url">({
      message: "Which PostgreSQL?",
      options: [
        { value: "local", label: "Local, zero setup", hint: "the project starts its own server; data in .data/" },
        { value: "url", label: "A connection URL", hint: "an existing server, e.g. postgresql://…" },
      ],
      initialValue: "local",
    });
    if (choice === "url") {
      databaseUrl = (await ask.text({ message: "PostgreSQL URL", placeholder: "postgresql://user:password@host:5432/db", validate: validateDatabaseUrl })).trim();
    }
  }

  const yesNo = (value: boolean) => (value ? "Yes" : "No");
  const install =
    (flags.install !== undefined ? given("Install dependencies?", flags.install, yesNo(flags.install)) : undefined) ??
    (ask ? await ask.confirm({ message: "Install dependencies?", initialValue: true }) : byDefault("install", true, "yes"));
  const migrate = !install
    ? false
    : ((flags.migrate !== undefined ? given("Run the first migration against the database?", flags.migrate, yesNo(flags.migrate)) : undefined) ??
      (ask
        ? await ask.confirm({ message: "Run the first migration against the database?", initialValue: true })
        : byDefault("migrate", true, "yes")));
  const git =
    (flags.git !== undefined ? given("Initialise a git repository?", flags.git, yesNo(flags.git)) : undefined) ??
    (ask ? await ask.confirm({ message: "Initialise a git repository?", initialValue: true }) : byDefault("git", true, "yes"));

  const base = path.basename(targetDir);
  return {
    directory,
    targetDir,
    packageName: toPackageName(base),
    template,
    plugins: sortPlugins(plugins),
    packageManager,
    install,
    migrate,
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    git,
    overwrite,
    dryRun: flags.dryRun === true,
    offline: flags.offline === true,
    json: flags.json === true,
    interactive,
    defaultsUsed,
  };
}

export function decideInteractive(flags: Flags, runtime: RuntimeEnv): boolean {
  if (flags.interactive === true) {
    const conflict = flags.yes ? "--yes" : flags.json ? "--json" : undefined;
    if (conflict) throw new UsageError(`--interactive contradicts ${conflict}, which never prompts. Give one of them.`);
    if (!runtime.stdinIsTTY || !runtime.stdoutIsTTY) {
      throw new UsageError("--interactive needs a terminal, but stdin or stdout is not one. Pass the answers as flags instead (see --help).");
    }
    return true;
  }
  if (flags.interactive === false || flags.yes || flags.json) return false;
  return runtime.stdinIsTTY && runtime.stdoutIsTTY && !runtime.env.CI;
}

export function acceptsDatabaseUrl(template: TemplateSource): boolean {
  return template.kind !== "bundled" || POSTGRES_TEMPLATES.has(template.id);
}

async function askTemplate(ask: Prompter): Promise<TemplateSource> {
  const choice = await ask.select<string>({
    message: "Which template?",
    options: [
      ...BUNDLED_TEMPLATES.map((t) => ({ value: t.id, label: t.title, hint: t.hint })),
      { value: OTHER_TEMPLATE, label: "Another template…", hint: "gh:owner/repo[/subdir][#ref] or ./path" },
    ],
    initialValue: DEFAULT_TEMPLATE,
  });
  if (choice !== OTHER_TEMPLATE) return { kind: "bundled", id: choice };
  const input = await ask.text({
    message: "Template source",
    placeholder: "gh:owner/repo/subdir#ref or ./path",
    validate: (value) => {
      const parsed = parseTemplateSource(value ?? "");
      return "error" in parsed ? parsed.error : undefined;
    },
  });
  return checked(parseTemplateSource(input));
}

const shownPlugins = (ids: readonly PluginId[]) => (ids.length > 0 ? ids.join(", ") : "none");

function fileConflict(target: TargetState, directory: string): string | undefined {
  return target.kind === "file" ? `${shownDir(directory || DEFAULT_PACKAGE_NAME)} is a file, not a directory. Choose another name.` : undefined;
}

function describeEntries(entries: readonly string[]): string {
  const shown = entries.slice(0, 3).join(", ");
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

const shownDir = (directory: string) => (directory === "." ? "The current directory" : `"${directory}"`);

function usage(message: string | undefined): void {
  if (message) throw new UsageError(message);
}

function checked<T extends object>(parsed: T | { error: string }): T {
  if ("error" in parsed) throw new UsageError(parsed.error);
  return parsed as T;
}
