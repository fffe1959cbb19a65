// Pure: what cannot work on this machine, decided from facts the caller gathered. No fs, no process, no spawn.
import { lowestVersion, satisfiesNodeRange } from "./node-version.js";
import type { PackageManager } from "../plan/package-manager.js";

export type PreflightFacts = {
  install: boolean;
  migrate: boolean;
  packageManager: PackageManager;
  /** the package manager's version, or undefined when it is not on PATH */
  packageManagerVersion: string | undefined;
  /** Bun's version when it was looked for and found; undefined when not found or not looked for */
  bunVersion: string | undefined;
  /** which of the two probes ran out of time (found on PATH, but did not answer --version) */
  timedOut?: { packageManager?: boolean; bun?: boolean };
  nodeVersion: string;
  /** the template's package.json#engines */
  engines: { node?: string; bun?: string };
};

export type Problem = { message: string; fix: string };

/** How long a version probe may take before it is stopped (and reported as not answering). */
export const PROBE_SECONDS = 15;

/** Only a step that was asked for can fail to work: without install (and so migrate) the files alone are fine. */
export function preflightProblems(facts: PreflightFacts): Problem[] {
  if (!facts.install) return [];
  const problems: Problem[] = [];
  const pm = facts.packageManager;
  const step = facts.migrate ? "install and migrate" : "install";

  if (facts.packageManagerVersion === undefined && facts.timedOut?.packageManager) {
    problems.push({
      message: `${pm} --version did not answer within ${PROBE_SECONDS} s, so dependencies cannot be installed with it.`,
      fix: `Check that ${pm} runs (${pm} --version in a terminal), choose another with --pm, or pass --no-install.`,
    });
  } else if (facts.packageManagerVersion === undefined) {
    problems.push({
      message: `${pm} was not found on PATH, so dependencies cannot be installed.`,
      fix: pm === "npm" ? `${INSTALL_HINT.npm}, or pass --no-install.` : `${INSTALL_HINT[pm]}, choose another with --pm npm, or pass --no-install.`,
    });
  }

  const bun = facts.engines.bun;
  if (bun !== undefined) {
    const version = pm === "bun" ? facts.packageManagerVersion : facts.bunVersion;
    // A missing bun as the package manager is already the problem above.
    if (version === undefined && pm !== "bun" && facts.timedOut?.bun) {
      problems.push({
        message: `This template runs on Bun, and bun --version did not answer within ${PROBE_SECONDS} s, so it cannot ${step} here.`,
        fix: "Check that Bun runs (bun --version in a terminal), then run the same command again; or pass --no-install to only write the files.",
      });
    } else if (version === undefined && pm !== "bun") {
      problems.push({
        message: `This template runs on Bun, and bun was not found on PATH, so it cannot ${step} here.`,
        fix: `${INSTALL_HINT.bun}, then run the same command again; or pass --no-install to only write the files.`,
      });
    } else if (version !== undefined && !satisfiesNodeRange(version, bun)) {
      problems.push({
        message: `This template needs Bun ${bun}, and this is Bun ${version}.`,
        fix: "Update Bun (bun upgrade), then run the same command again; or pass --no-install to only write the files.",
      });
    }
  }

  const node = facts.engines.node;
  if (node !== undefined && !satisfiesNodeRange(facts.nodeVersion, node)) {
    problems.push({
      message: `This template's tools need Node ${node}, and this is Node ${facts.nodeVersion}, so it cannot ${step} here.`,
      fix: `Install Node ${lowestVersion(node)} or newer (https://nodejs.org, or nvm install ${lowestVersion(node).split(".")[0]}) and run the same command with it; or pass --no-install to only write the files.`,
    });
  }
  return problems;
}

const INSTALL_HINT: Record<PackageManager, string> = {
  npm: "Install Node.js with npm (https://nodejs.org)",
  pnpm: "Install pnpm (npm install -g pnpm)",
  yarn: "Install yarn (npm install -g yarn@1, or corepack enable yarn)",
  bun: "Install Bun (npm install -g bun, or see https://bun.sh)",
};
