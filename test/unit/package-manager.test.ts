import { describe, expect, it } from "vitest";
import {
  createArgs,
  formatCommand,
  installCommand,
  isYarnBerry,
  packageManagerFromUserAgent,
  runArgs,
} from "../../src/plan/package-manager.js";

describe("packageManagerFromUserAgent", () => {
  it.each([
    ["npm/11.19.1 node/v20.20.2 linux x64 workspaces/false", { name: "npm", version: "11.19.1" }],
    ["pnpm/10.12.1 npm/? node/v22.1.0 linux x64", { name: "pnpm", version: "10.12.1" }],
    ["yarn/1.22.22 npm/? node/v20.20.2 linux x64", { name: "yarn", version: "1.22.22" }],
    ["yarn/4.9.2 npm/? node/v20.20.2 linux x64", { name: "yarn", version: "4.9.2" }],
    ["bun/1.4.5 npm/? node/v24.3.0 linux x64", { name: "bun", version: "1.4.5" }],
  ])("%s", (ua, expected) => {
    expect(packageManagerFromUserAgent(ua)).toEqual(expected);
  });

  it("knows nothing from an empty or foreign agent", () => {
    expect(packageManagerFromUserAgent(undefined)).toBeUndefined();
    expect(packageManagerFromUserAgent("")).toBeUndefined();
    expect(packageManagerFromUserAgent("deno/2.0.0")).toBeUndefined();
    expect(packageManagerFromUserAgent("pnpm/?")).toEqual({ name: "pnpm" });
  });
});

describe("commands", () => {
  it("puts -- before script flags for npm only", () => {
    expect(runArgs("npm", "dev", ["--port", "1"])).toEqual(["run", "dev", "--", "--port", "1"]);
    expect(runArgs("pnpm", "dev", ["--port", "1"])).toEqual(["run", "dev", "--port", "1"]);
    expect(runArgs("bun", "db:migrate")).toEqual(["run", "db:migrate"]);
  });

  it("installs without a frozen lockfile where CI would demand one", () => {
    expect(installCommand({ name: "npm" })).toEqual({ args: ["install"] });
    expect(installCommand({ name: "pnpm", version: "10.0.0" })).toEqual({ args: ["install", "--no-frozen-lockfile"] });
    expect(installCommand({ name: "yarn", version: "1.22.22" })).toEqual({ args: ["install"] });
    expect(installCommand({ name: "yarn", version: "4.9.2" })).toEqual({ args: ["install"], env: { YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } });
    expect(isYarnBerry({ name: "yarn" })).toBe(false);
  });

  it("builds the create command each manager understands", () => {
    expect(createArgs("npm", ["app"], ["--yes"])).toEqual(["create", "authstack@latest", "app", "--", "--yes"]);
    expect(createArgs("npm", ["app"], [])).toEqual(["create", "authstack@latest", "app"]);
    expect(createArgs("pnpm", ["app"], ["--yes"])).toEqual(["create", "authstack", "app", "--yes"]);
  });

  it("quotes only what a shell would split", () => {
    expect(formatCommand("cd", ["My App"])).toBe("cd 'My App'");
    expect(formatCommand("npm", ["run", "db:migrate"])).toBe("npm run db:migrate");
    expect(formatCommand("x", ["it's"])).toBe(`x 'it'\\''s'`);
    expect(formatCommand("x", ['"$DATABASE_URL"'])).toBe('x "$DATABASE_URL"');
  });
});
