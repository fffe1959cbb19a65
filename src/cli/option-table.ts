import { PACKAGE_MANAGERS } from "../plan/package-manager.js";
import { PLUGIN_IDS } from "../plan/plugins.js";

export type OptionSpec = {
  /** long name, also the key in parsed flags (camelCased) */
  name: string;
  aliases?: readonly string[];
  short?: string;
  kind: "string" | "boolean";
  /** booleans that also accept `--no-<name>` */
  negatable?: boolean;
  value?: string;
  choices?: readonly string[];
  description: string;
};

/** The one table that drives parsing, `--help` and unknown-flag errors. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "template",
    short: "t",
    kind: "string",
    value: "<id|source>",
    description:
      "node-postgres, bun-sqlite, cloudflare; or gh:owner/repo[/dir][#ref], gitlab:…, bitbucket:…, ./local/path",
  },
  {
    name: "plugins",
    kind: "string",
    value: "<ids>",
    description: `Better Auth plugins to add, comma-separated: ${PLUGIN_IDS.join(", ")}; or none (default: none)`,
  },
  {
    name: "package-manager",
    aliases: ["pm"],
    kind: "string",
    value: "<name>",
    choices: PACKAGE_MANAGERS,
    description: "npm, pnpm, yarn or bun (default: the one that ran this command)",
  },
  { name: "install", kind: "boolean", negatable: true, description: "install dependencies (default: yes)" },
  {
    name: "migrate",
    kind: "boolean",
    negatable: true,
    description: "apply the initial migration after install (default: yes)",
  },
  {
    name: "database-url",
    kind: "string",
    value: "<url>",
    description: "node-postgres: PostgreSQL to migrate and write to .env (default: local, zero setup)",
  },
  {
    name: "offline",
    kind: "boolean",
    description: "a remote template from giget's download cache, without the network",
  },
  { name: "git", kind: "boolean", negatable: true, description: "git init and a first commit (default: yes)" },
  { name: "overwrite", kind: "boolean", description: "add files into a non-empty directory (nothing is deleted)" },
  { name: "yes", short: "y", kind: "boolean", description: "take the default for every answer not given" },
  {
    name: "interactive",
    kind: "boolean",
    negatable: true,
    description: "force prompts on or off (default: on in a terminal outside CI)",
  },
  { name: "dry-run", kind: "boolean", description: "print what would be written and run; change nothing" },
  { name: "json", kind: "boolean", description: "JSON lines on stdout; the last one is the result" },
  { name: "help", short: "h", kind: "boolean", description: "show this help" },
  { name: "version", short: "v", kind: "boolean", description: "show the version" },
];
