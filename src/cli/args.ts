import { UsageError } from "../errors.js";
import { OPTIONS, type OptionSpec } from "./option-table.js";
import { didYouMean } from "./suggest.js";

/** Flags exactly as given: `undefined` means "not given", so a prompt or a default decides. */
export type Flags = {
  directory?: string;
  template?: string;
  plugins?: string;
  packageManager?: string;
  install?: boolean;
  migrate?: boolean;
  databaseUrl?: string;
  git?: boolean;
  overwrite?: boolean;
  yes?: boolean;
  interactive?: boolean;
  dryRun?: boolean;
  offline?: boolean;
  json?: boolean;
  help?: boolean;
  version?: boolean;
};

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const byLong = new Map<string, OptionSpec>();
const byShort = new Map<string, OptionSpec>();
for (const option of OPTIONS) {
  for (const long of [option.name, ...(option.aliases ?? [])]) byLong.set(long, option);
  if (option.short) byShort.set(option.short, option);
}

const ALL_SPELLINGS = OPTIONS.flatMap((o) => [
  `--${o.name}`,
  ...(o.aliases ?? []).map((a) => `--${a}`),
  ...(o.negatable ? [`--no-${o.name}`] : []),
]);

/** Parses argv (without node and script) against OPTIONS. Throws UsageError for anything it does not know. */
export function parseArgs(argv: readonly string[]): Flags {
  const flags: Record<string, unknown> = {};
  const positionals: string[] = [];
  const seen = new Map<string, string>();

  const set = (option: OptionSpec, value: string | boolean, spelling: string) => {
    const key = camel(option.name);
    const earlier = seen.get(key);
    if (earlier !== undefined && flags[key] !== value) {
      throw new UsageError(`${spelling} contradicts ${earlier}. Give it once.`);
    }
    seen.set(key, spelling);
    flags[key] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      const inline = eq === -1 ? undefined : arg.slice(eq + 1);
      let option = byLong.get(name);
      let negated = false;
      if (!option && name.startsWith("no-")) {
        option = byLong.get(name.slice(3));
        negated = option?.negatable === true;
        if (!negated) option = undefined;
      }
      if (!option) {
        throw new UsageError(`Unknown option --${name}.${didYouMean(`--${name}`, ALL_SPELLINGS)} See --help.`);
      }
      if (option.kind === "boolean") {
        if (inline === undefined) set(option, !negated, arg);
        else if (!negated && (inline === "true" || inline === "false")) set(option, inline === "true", arg);
        else throw new UsageError(`--${name} takes no value (got "${inline}").`);
        continue;
      }
      const value = inline ?? argv[++i];
      set(option, requireValue(option, value, `--${name}`), arg);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      // Short flags may be grouped (-yt node-postgres); a string flag takes the rest or the next arg.
      for (let j = 1; j < arg.length; j++) {
        const option = byShort.get(arg[j]!);
        if (!option) throw new UsageError(`Unknown option -${arg[j]}. See --help.`);
        if (option.kind === "boolean") {
          set(option, true, `-${arg[j]}`);
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, "");
        set(option, requireValue(option, rest || argv[++i], `-${arg[j]}`), `-${arg[j]}`);
        break;
      }
      continue;
    }
    positionals.push(arg);
  }

  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one directory, got ${positionals.length}: ${positionals.join(" ")}. Quote a name with spaces.`,
    );
  }
  if (positionals[0] !== undefined) flags.directory = positionals[0];
  return flags as Flags;
}

function requireValue(option: OptionSpec, value: string | undefined, spelling: string): string {
  // No value of ours starts with "-": such a word is the next flag, so the value is missing.
  if (value === undefined || value === "" || value.startsWith("-")) {
    throw new UsageError(`${spelling} needs a value: ${spelling} ${option.value ?? "<value>"}.`);
  }
  return value;
}
