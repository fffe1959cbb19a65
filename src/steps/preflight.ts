import type { CliContext } from "../cli/run.js";
import { UsageError } from "../errors.js";
import { exec } from "./exec.js";
import { satisfiesNodeRange } from "./node-version.js";
import type { DetectedPackageManager } from "../plan/package-manager.js";
import { preflightProblems } from "./preflight-checks.js";
import { installedVersion } from "./pm-version.js";
import type { ResolvedOptions } from "../cli/resolve.js";
import type { LoadedTemplate } from "../templates/load.js";
import type { Reporter } from "../ui/reporters.js";

/**
 * Checks made before anything is written: a step that was asked for and cannot work on this machine (no package
 * manager, no Bun for a Bun template, a Node older than the template's tools need) stops the run with exit 2 and
 * the fix. A dry run only warns. Returns the package manager with its version, for the packageManager field.
 */
export async function preflight(options: ResolvedOptions, template: LoadedTemplate, ctx: CliContext, ui: Reporter): Promise<DetectedPackageManager> {
  let pm = options.packageManager;
  const engines = templateEngines(template);
  // Without an install there is nothing to run: spare the ~150 ms of spawning anything.
  if (!pm.version && options.install) {
    const version = await probeVersion(pm.name, ctx.cwd);
    if (version) pm = { ...pm, version };
  }
  const lookForBun = options.install && engines.bun !== undefined && pm.name !== "bun";
  const problems = preflightProblems({
    install: options.install,
    migrate: options.migrate,
    packageManager: pm.name,
    packageManagerVersion: pm.version,
    bunVersion: lookForBun ? await probeVersion("bun", ctx.cwd) : undefined,
    nodeVersion: ctx.nodeVersion,
    engines,
  });

  if (problems.length > 0 && !options.dryRun) {
    throw new UsageError(`${problems.map((p) => p.message).join(" ")} Nothing was written.`, problems.map((p) => p.fix).join("\n  "));
  }
  for (const problem of problems) ui.warn(`${problem.message} ${problem.fix}`);
  if (!options.install && engines.node && !satisfiesNodeRange(ctx.nodeVersion, engines.node)) {
    ui.warn(`This template's tools need Node ${engines.node}, and this is Node ${ctx.nodeVersion}. Install a newer Node (https://nodejs.org) before you install and run it.`);
  }
  return pm;
}

async function probeVersion(command: string, cwd: string): Promise<string | undefined> {
  const installed = installedVersion(command, process.env.PATH, process.platform);
  if (installed) return installed;
  const probe = await exec(command, ["--version"], { cwd, timeoutMs: 15_000 });
  return probe.ok ? /\d+\.\d+\.\d+\S*/.exec(probe.output)?.[0] : undefined;
}

function templateEngines(template: LoadedTemplate): { node?: string; bun?: string } {
  const pkg = JSON.parse(template.files.find((f) => f.path === "package.json")!.content.toString("utf8")) as { engines?: Record<string, unknown> };
  const { node, bun } = pkg.engines ?? {};
  return { ...(typeof node === "string" ? { node } : {}), ...(typeof bun === "string" ? { bun } : {}) };
}
