// `create-authstack add <plugin…> [--dry-run] [--force]`: the flags of `add`, read by Node's own parser.
import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";
import { parsePluginList, PLUGIN_IDS, type PluginId } from "../plan/plugins.js";

export type AddFlags = { plugins: PluginId[]; dryRun: boolean; force: boolean; help: boolean };

export const ADD_USAGE = "create-authstack add <plugin…> [--dry-run] [--force]";

/** The words after `add`. Throws UsageError for an unknown flag or plugin, or when none is named. */
export function parseAddArgs(argv: readonly string[]): AddFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { "dry-run": { type: "boolean" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, ".")} Usage: ${ADD_USAGE}`);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  // "add two-factor admin" and "add two-factor,admin" both work.
  const plugins = parsePluginList(positionals.join(","));
  if ("error" in plugins) throw new UsageError(plugins.error.replace("in --plugins", "to add"));
  if (plugins.length === 0 && !help) {
    throw new UsageError(`Name the plugins to add: ${ADD_USAGE}. Valid ids: ${PLUGIN_IDS.join(", ")}.`);
  }
  return { plugins, dryRun: values["dry-run"] === true, force: values.force === true, help };
}

export function renderAddHelp(): string {
  return [
    `Usage: ${ADD_USAGE}`,
    "       npm create authstack@latest -- add <plugin…> [--dry-run] [--force]",
    "",
    "Adds Better Auth plugins to a project made by create-authstack (run it inside the project):",
    "the same edits to src/auth.ts and the pages that creation with them writes, their packages,",
    "src/db/auth.schema.ts regenerated with the Better Auth CLI, the next migration in drizzle/,",
    "applied to the local database, and authstack.json updated.",
    "",
    `Plugins: ${PLUGIN_IDS.join(", ")}`,
    "",
    "Options:",
    "  --dry-run   print the changes as a diff and change nothing",
    "  --force     go on although a file it edits has uncommitted changes",
    "  -h, --help  this help",
    "",
    "Exit codes: 0 added   2 refused, nothing changed (not a project, a plugin already there,",
    "uncommitted edits in a file it edits)   3 the files changed, but a step failed   130 cancelled",
    "",
  ].join("\n");
}
