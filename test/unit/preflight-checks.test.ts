import { describe, expect, it } from "vitest";
import { type PreflightFacts, preflightProblems } from "../../src/steps/preflight-checks.js";

const FACTS: PreflightFacts = {
  install: true,
  migrate: true,
  packageManager: "npm",
  packageManagerVersion: "11.19.1",
  bunVersion: undefined,
  nodeVersion: "20.20.2",
  engines: { node: ">=20.19" },
};
const messages = (facts: Partial<PreflightFacts>) => preflightProblems({ ...FACTS, ...facts }).map((p) => p.message);

describe("preflightProblems", () => {
  it("finds nothing when the manager is there and Node is new enough", () => {
    expect(preflightProblems(FACTS)).toEqual([]);
  });

  it("names a package manager that is not on PATH, with how to get it or skip the install", () => {
    const [problem] = preflightProblems({ ...FACTS, packageManager: "pnpm", packageManagerVersion: undefined });
    expect(problem).toEqual({
      message: "pnpm was not found on PATH, so dependencies cannot be installed.",
      fix: "Install pnpm (npm install -g pnpm), choose another with --pm npm, or pass --no-install.",
    });
    expect(preflightProblems({ ...FACTS, packageManagerVersion: undefined })[0]!.fix).toBe("Install Node.js with npm (https://nodejs.org), or pass --no-install.");
  });

  it("says a probe that ran out of time did not answer, never that the command is missing", () => {
    expect(messages({ packageManager: "pnpm", packageManagerVersion: undefined, timedOut: { packageManager: true } })).toEqual([
      "pnpm --version did not answer within 15 s, so dependencies cannot be installed with it.",
    ]);
    expect(messages({ engines: { bun: ">=1.2.0" }, timedOut: { bun: true } })).toEqual([
      "This template runs on Bun, and bun --version did not answer within 15 s, so it cannot install and migrate here.",
    ]);
  });

  it("asks for Bun when a Bun template is installed or migrated without it", () => {
    const bunTemplate = { engines: { bun: ">=1.2.0" } };
    expect(messages(bunTemplate)).toEqual(["This template runs on Bun, and bun was not found on PATH, so it cannot install and migrate here."]);
    expect(messages({ ...bunTemplate, migrate: false })).toEqual(["This template runs on Bun, and bun was not found on PATH, so it cannot install here."]);
    expect(preflightProblems({ ...FACTS, ...bunTemplate })[0]!.fix).toContain("npm install -g bun");
    expect(messages({ ...bunTemplate, bunVersion: "1.4.5" })).toEqual([]);
    expect(messages({ ...bunTemplate, bunVersion: "1.1.0" })).toEqual(["This template needs Bun >=1.2.0, and this is Bun 1.1.0."]);
  });

  it("does not ask twice when bun is the package manager and missing", () => {
    expect(messages({ engines: { bun: ">=1.2.0" }, packageManager: "bun", packageManagerVersion: undefined })).toEqual([
      "bun was not found on PATH, so dependencies cannot be installed.",
    ]);
    expect(messages({ engines: { bun: ">=1.2.0" }, packageManager: "bun", packageManagerVersion: "1.4.5" })).toEqual([]);
  });

  it("refuses a Node older than the template's tools need, naming the version to install", () => {
    const [problem] = preflightProblems({ ...FACTS, engines: { node: ">=22.18.0" } });
    expect(problem!.message).toBe("This template's tools need Node >=22.18.0, and this is Node 20.20.2, so it cannot install and migrate here.");
    expect(problem!.fix).toContain("Install Node 22.18.0 or newer");
    expect(problem!.fix).toContain("nvm install 22");
    expect(problem!.fix).toContain("--no-install");
    expect(messages({ engines: { node: ">=22.18.0" }, nodeVersion: "24.22.3" })).toEqual([]);
  });

  it("lists every problem at once", () => {
    expect(messages({ packageManager: "yarn", packageManagerVersion: undefined, engines: { node: ">=22.18.0" } })).toHaveLength(2);
  });

  it("has nothing to refuse without an install: the files alone work anywhere", () => {
    expect(messages({ install: false, migrate: false, packageManagerVersion: undefined, engines: { node: ">=99", bun: ">=1" } })).toEqual([]);
  });
});
