export const PACKAGE_MANAGERS = ["npm", "pnpm", "yarn", "bun"] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export type DetectedPackageManager = { name: PackageManager; version?: string };

/** `pnpm create`, `yarn create` and `bun create` say who ran us in npm_config_user_agent ("pnpm/9.1.0 npm/? node/v20…"). */
export function packageManagerFromUserAgent(userAgent: string | undefined): DetectedPackageManager | undefined {
  const first = userAgent?.trim().split(" ")[0];
  if (!first) return undefined;
  const [name, version] = first.split("/");
  if (!isPackageManager(name)) return undefined;
  return version && /^\d+\.\d+/.test(version) ? { name, version } : { name };
}

export function isPackageManager(value: string | undefined): value is PackageManager {
  return (PACKAGE_MANAGERS as readonly string[]).includes(value ?? "");
}

/** yarn 2+ ("berry") needs a .yarnrc.yml to use node_modules, which our tools expect. */
export function isYarnBerry(pm: DetectedPackageManager): boolean {
  return pm.name === "yarn" && pm.version !== undefined && Number(pm.version.split(".")[0]) >= 2;
}

/**
 * `<pm> install`. With CI set, pnpm and yarn berry default to a frozen lockfile, and a new project has none:
 * say so explicitly for pnpm, and through yarn's own setting for berry.
 */
export function installCommand(pm: DetectedPackageManager): { args: string[]; env?: Record<string, string> } {
  if (pm.name === "pnpm") return { args: ["install", "--no-frozen-lockfile"] };
  if (isYarnBerry(pm)) return { args: ["install"], env: { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } };
  return { args: ["install"] };
}

/** Arguments to run a package.json script; npm needs `--` before the script's own flags. */
export function runArgs(pm: PackageManager, script: string, scriptArgs: readonly string[] = []): string[] {
  if (scriptArgs.length === 0) return ["run", script];
  return pm === "npm" ? ["run", script, "--", ...scriptArgs] : ["run", script, ...scriptArgs];
}

/** The command that runs this CLI again through the given package manager; npm passes flags only after `--`. */
export function createArgs(pm: PackageManager, positional: readonly string[], flags: readonly string[]): string[] {
  if (pm === "npm") {
    return ["create", "authstack@latest", ...positional, ...(flags.length > 0 ? ["--", ...flags] : [])];
  }
  return ["create", "authstack", ...positional, ...flags];
}

export function formatCommand(cmd: string, args: readonly string[]): string {
  return [cmd, ...args].map(quoteArg).join(" ");
}

export function quoteArg(arg: string): string {
  if (/^[\w@%+=:,./~-]+$/.test(arg)) return arg;
  if (/^"\$[A-Z_]+"$/.test(arg)) return arg; // an env reference we print on purpose
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const LOCKFILES: ReadonlyArray<readonly [file: string, pm: PackageManager]> = [
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["package-lock.json", "npm"],
];

/**
 * The package manager an existing project uses: its lockfile says which, its packageManager field which version
 * ("pnpm@12.21.0"; yarn berry needs it known). Without either, whoever ran us, else npm.
 */
export function projectPackageManager(files: readonly string[], packageManagerField: string | undefined, userAgent: string | undefined): DetectedPackageManager {
  const [fieldName, fieldVersion] = (packageManagerField ?? "").split("@");
  const name = LOCKFILES.find(([file]) => files.includes(file))?.[1] ?? (isPackageManager(fieldName) ? fieldName : undefined);
  if (!name) return packageManagerFromUserAgent(userAgent) ?? { name: "npm" };
  const version = fieldName === name && fieldVersion && /^\d+\.\d+/.test(fieldVersion) ? fieldVersion.split("+")[0] : undefined;
  return version ? { name, version } : { name };
}
