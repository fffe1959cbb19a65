import { type DetectedPackageManager, installCommand, isYarnBerry, runArgs } from "./package-manager.js";
import { toWorkerName } from "./package-name.js";
import type { ResolvedOptions } from "./options.js";
import { UsageError } from "../errors.js";
import { addPluginPackages, unofferedPlugins, withPlugins } from "./plugins.js";
import type { TemplateFile, TemplateMeta } from "../templates/files.js";
import {
  buildScriptPackages,
  editPackageJson,
  pnpmWorkspaceYaml,
  type ProjectRecord,
  projectPath,
  RECORD_FILE,
  renderEnvFile,
  renderRecord,
  replaceTokens,
  versionOverrides,
  yarnClassicRc,
  yarnrcYaml,
} from "./transforms.js";

export type PlannedFile = { path: string; content: Buffer | string; executable: boolean };

export type StepName = "install" | "migrate" | "git";
export type PlannedStep = { name: StepName; command: readonly string[]; env?: Record<string, string> };

export type Plan = {
  files: PlannedFile[];
  steps: PlannedStep[];
  /** the secret-holding env file, by name */
  envFile?: string;
  warnings: string[];
};

export type PlanInput = {
  options: Pick<ResolvedOptions, "packageName" | "install" | "migrate" | "git" | "databaseUrl" | "plugins"> & {
    packageManager: DetectedPackageManager;
  };
  template: { files: readonly TemplateFile[]; meta: TemplateMeta };
  /** BETTER_AUTH_SECRET, from a CSPRNG; only ever written to the env file */
  secret: string;
  /** what the project was made from, written to authstack.json */
  record: ProjectRecord;
};

export const MIGRATE_SCRIPT = "db:migrate";
export const TABLES_SCRIPT = "db:tables";

/** Everything create-authstack will write and run, decided without touching the disk. */
export function planProject({ options, template, secret, record }: PlanInput): Plan {
  const pm = options.packageManager;
  const warnings: string[] = [];
  const workerName = toWorkerName(options.packageName);
  const tokenValue = { packageName: options.packageName, workerName };
  const byPath = new Map<string, PlannedFile>();
  let packageJsonText = "{}";

  const unoffered = unofferedPlugins(template.meta, options.plugins);
  if (unoffered.length > 0) {
    const offered = Object.keys(template.meta.plugins ?? {});
    throw new UsageError(
      `This template does not offer the plugin${unoffered.length > 1 ? "s" : ""} ${unoffered.join(", ")}` +
        (offered.length > 0 ? ` (it offers ${offered.join(", ")}).` : ": it offers none.") +
        " Drop them from --plugins, or use a bundled template (node-postgres, bun-sqlite, cloudflare).",
    );
  }

  for (const file of withPlugins(template.files, template.meta, options.plugins)) {
    let content: Buffer | string = file.content;
    const pairs = template.meta.replace
      .filter((r) => r.file === file.path)
      .map((r) => [r.token, tokenValue[r.with]] as const);
    if (pairs.length > 0) content = replaceTokens(content.toString("utf8"), pairs);
    if (file.path === "package.json") {
      packageJsonText = addPluginPackages(content.toString(), template.meta, options.plugins);
      content = editPackageJson(packageJsonText, {
        name: options.packageName,
        packageManager: pm.name,
        ...(pm.version ? { packageManagerField: `${pm.name}@${pm.version}` } : {}),
      });
    }
    byPath.set(projectPath(file.path), { path: projectPath(file.path), content, executable: file.executable });
  }

  const text = (p: string) => byPath.get(p)?.content.toString();
  const put = (p: string, content: string) => byPath.set(p, { path: p, content, executable: false });
  put(RECORD_FILE, renderRecord(record));

  const builds = buildScriptPackages(packageJsonText);
  if (pm.name === "pnpm") {
    const workspace = pnpmWorkspaceYaml(text("pnpm-workspace.yaml"), builds, versionOverrides(packageJsonText));
    if (workspace !== "") put("pnpm-workspace.yaml", workspace);
  }
  if (isYarnBerry(pm)) put(".yarnrc.yml", yarnrcYaml(text(".yarnrc.yml")));
  else if (pm.name === "yarn") put(".yarnrc", yarnClassicRc(text(".yarnrc")));

  const envFile = template.meta.envFile;
  if (envFile) {
    const values: Record<string, string> = { BETTER_AUTH_SECRET: secret };
    if (options.databaseUrl) values.DATABASE_URL = options.databaseUrl;
    put(envFile, renderEnvFile(text(`${envFile}.example`) ?? "", values));
  } else {
    warnings.push("The template has no .env.example, so no BETTER_AUTH_SECRET was generated.");
  }

  const scripts = (JSON.parse(packageJsonText) as { scripts?: Record<string, string> }).scripts ?? {};
  const steps: PlannedStep[] = [];
  const dbEnv = options.databaseUrl ? { env: { DATABASE_URL: options.databaseUrl } } : {};
  if (options.install) {
    const install = installCommand(pm);
    steps.push({ name: "install", command: [pm.name, ...install.args], ...(install.env ? { env: install.env } : {}) });
  }
  if (options.install && options.migrate) {
    if (scripts[MIGRATE_SCRIPT]) steps.push({ name: "migrate", command: [pm.name, ...runArgs(pm.name, MIGRATE_SCRIPT)], ...dbEnv });
    else warnings.push(`The template has no "${MIGRATE_SCRIPT}" script, so no migration was run.`);
  }
  if (options.git) steps.push({ name: "git", command: ["git", "init"] });

  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, steps, ...(envFile ? { envFile } : {}), warnings };
}
