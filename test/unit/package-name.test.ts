import { describe, expect, it } from "vitest";
import { toPackageName, toWorkerName } from "../../src/plan/package-name.js";

describe("toPackageName", () => {
  it.each([
    ["My App", "my-app"],
    ["my-app", "my-app"],
    ["  Spaced   Out  ", "spaced-out"],
    ["_private.app", "private.app"],
    ["Ünïcode Näme", "unicode-name"],
    ["a--b", "a-b"],
    ["trailing.", "trailing"],
    ["!!!", "authstack-app"],
    ["", "authstack-app"],
  ])("%j → %j", (input, expected) => {
    expect(toPackageName(input)).toBe(expected);
  });

  it("never exceeds npm's 214 characters", () => {
    expect(toPackageName("a".repeat(300))).toHaveLength(214);
  });
});

describe("toWorkerName", () => {
  it.each([
    ["my-app", "my-app"],
    ["my.app_v2", "my-app-v2"],
    ["@scope/thing", "thing"],
    ["---", "authstack-app"],
  ])("%j → %j", (input, expected) => {
    expect(toWorkerName(input)).toBe(expected);
  });

  it("keeps to 63 characters without a trailing dash", () => {
    const name = toWorkerName(`${"a".repeat(62)}-b`);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.endsWith("-")).toBe(false);
  });
});
