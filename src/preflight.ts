import type { CliContext } from "./cli.js";
import { FailureError } from "./errors.js";
import { exec } from "./exec.js";
import { satisfiesNodeRange } from "./node-version.js";
import type { DetectedPackageManager } from "./package-manager.js";
import type { ResolvedOptions } from "./resolve.js";
import type { LoadedTemplate } from "./source.js";
import type { Reporter } from "./ui.js";

/**
 * Checks made before anything is written: the package manager exists (and its version, for the packageManager
 * field), and the running Node is one the template's tools accept.
 */
export async function preflight(options: ResolvedOptions, template: LoadedTemplate, ctx: CliContext, ui: Reporter): Promise<DetectedPackageManager> {
  let pm = options.packageManager;
  // Without an install there is nothing to run it for: spare the ~150 ms of spawning it.
  if (!pm.version && options.install) {
    const probe = await exec(pm.name, ["--version"], { cwd: ctx.cwd, timeoutMs: 15_000 });
    const version = probe.ok ? /\d+\.\d+\.\d+\S*/.exec(probe.output)?.[0] : undefined;
    if (version) pm = { ...pm, version };
    else if (!options.dryRun) {
      throw new FailureError(
        `${pm.name} was not found on PATH, so dependencies cannot be installed. Nothing was written.`,
        pm.name === "npm"
          ? "Install Node.js with npm, or pass --no-install."
          : `Install it (npm install -g ${pm.name}), choose another with --pm npm, or pass --no-install.`,
      );
    } else {
      ui.warn(`${pm.name} was not found on PATH; install it before a real run.`);
    }
  }

  const pkg = JSON.parse(template.files.find((f) => f.path === "package.json")!.content.toString("utf8")) as {
    engines?: { node?: string };
  };
  const wanted = pkg.engines?.node;
  if (!satisfiesNodeRange(ctx.nodeVersion, wanted)) {
    ui.warn(
      `This template's tools need Node ${wanted}, and this is Node ${ctx.nodeVersion}.${options.migrate ? " The migration will likely fail." : ""} Install a newer Node (https://nodejs.org) and run the commands below with it.`,
    );
  }
  return pm;
}
