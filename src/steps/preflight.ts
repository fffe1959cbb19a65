import { UsageError } from "../errors.js";
import type { ResolvedOptions } from "../plan/options.js";
import type { DetectedPackageManager } from "../plan/package-manager.js";
import type { LoadedTemplate } from "../templates/load.js";
import { exec } from "./exec.js";
import { satisfiesNodeRange } from "./node-version.js";
import { PROBE_SECONDS, preflightProblems } from "./preflight-checks.js";
import { installedVersion } from "./pm-version.js";

export type PreflightEnv = { cwd: string; nodeVersion: string; path: string | undefined; platform: string };

/**
 * Checks made before anything is written: a step that was asked for and cannot work on this machine (no package
 * manager, no Bun for a Bun template, a Node older than the template's tools need) stops the run with exit 2 and
 * the fix. A dry run only warns. Returns the package manager with its version, for the packageManager field, and
 * the warnings to show.
 */
export async function preflight(
  options: ResolvedOptions,
  template: LoadedTemplate,
  env: PreflightEnv,
): Promise<{ packageManager: DetectedPackageManager; warnings: string[] }> {
  let pm = options.packageManager;
  const engines = templateEngines(template);
  const timedOut: { packageManager?: boolean; bun?: boolean } = {};
  // Without an install there is nothing to run: spare the ~150 ms of spawning anything.
  if (!pm.version && options.install) {
    const probe = await probeVersion(pm.name, env);
    if (probe.version) pm = { ...pm, version: probe.version };
    timedOut.packageManager = probe.timedOut;
  }
  const lookForBun = options.install && engines.bun !== undefined && pm.name !== "bun";
  const bun = lookForBun ? await probeVersion("bun", env) : undefined;
  timedOut.bun = bun?.timedOut;
  const problems = preflightProblems({
    install: options.install,
    migrate: options.migrate,
    packageManager: pm.name,
    packageManagerVersion: pm.version,
    bunVersion: bun?.version,
    timedOut,
    nodeVersion: env.nodeVersion,
    engines,
  });

  if (problems.length > 0 && !options.dryRun) {
    throw new UsageError(`${problems.map((p) => p.message).join(" ")} Nothing was written.`, problems.map((p) => p.fix).join("\n  "));
  }
  const warnings = problems.map((problem) => `${problem.message} ${problem.fix}`);
  if (!options.install && engines.node && !satisfiesNodeRange(env.nodeVersion, engines.node)) {
    warnings.push(`This template's tools need Node ${engines.node}, and this is Node ${env.nodeVersion}. Install a newer Node (https://nodejs.org) before you install and run it.`);
  }
  return { packageManager: pm, warnings };
}

async function probeVersion(command: string, env: PreflightEnv): Promise<{ version?: string; timedOut?: boolean }> {
  const installed = installedVersion(command, env.path, env.platform);
  if (installed) return { version: installed };
  const probe = await exec(command, ["--version"], { cwd: env.cwd, timeoutMs: PROBE_SECONDS * 1000 });
  if (probe.timedOut) return { timedOut: true };
  const version = probe.ok ? /\d+\.\d+\.\d+\S*/.exec(probe.output)?.[0] : undefined;
  return version ? { version } : {};
}

function templateEngines(template: LoadedTemplate): { node?: string; bun?: string } {
  const pkg = JSON.parse(template.files.find((f) => f.path === "package.json")!.content.toString("utf8")) as { engines?: Record<string, unknown> };
  const { node, bun } = pkg.engines ?? {};
  return { ...(typeof node === "string" ? { node } : {}), ...(typeof bun === "string" ? { bun } : {}) };
}
