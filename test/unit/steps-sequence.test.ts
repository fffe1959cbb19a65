import { describe, expect, it } from "vitest";
import { shouldRun } from "../../src/steps/sequence.js";
import type { StepResult } from "../../src/steps/types.js";

const step = (name: StepResult["name"], status: StepResult["status"]): StepResult => ({ name, status, durationMs: 1 });

describe("shouldRun", () => {
  it("runs every step while the earlier ones succeed", () => {
    expect(shouldRun("install", [])).toBe(true);
    expect(shouldRun("migrate", [step("install", "done")])).toBe(true);
    expect(shouldRun("git", [step("install", "done"), step("migrate", "done")])).toBe(true);
  });

  it("skips the migration after a failed install, and still commits", () => {
    expect(shouldRun("migrate", [step("install", "failed")])).toBe(false);
    expect(shouldRun("git", [step("install", "failed")])).toBe(true);
    expect(shouldRun("git", [step("install", "done"), step("migrate", "failed")])).toBe(true);
  });

  it("runs nothing more after Ctrl-C", () => {
    expect(shouldRun("migrate", [step("install", "cancelled")])).toBe(false);
    expect(shouldRun("git", [step("install", "done"), step("migrate", "cancelled")])).toBe(false);
  });
});
