import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";
import { UsageError } from "../../src/errors.js";

describe("parseArgs", () => {
  it("reads a directory and every kind of flag", () => {
    expect(
      parseArgs(["my-app", "--template", "bun-sqlite", "--pm=pnpm", "--no-install", "--no-git", "--overwrite", "-y", "--json", "--dry-run"]),
    ).toEqual({
      directory: "my-app",
      template: "bun-sqlite",
      packageManager: "pnpm",
      install: false,
      git: false,
      overwrite: true,
      yes: true,
      json: true,
      dryRun: true,
    });
  });

  it("accepts aliases, grouped short flags and a value glued to its short flag", () => {
    expect(parseArgs(["-yt", "cloudflare", "--package-manager", "bun"])).toEqual({ yes: true, template: "cloudflare", packageManager: "bun" });
    expect(parseArgs(["-tnode-postgres"])).toEqual({ template: "node-postgres" });
    expect(parseArgs(["--install=false", "--migrate=true"])).toEqual({ install: false, migrate: true });
  });

  it("leaves everything not given undefined, so prompts or defaults decide", () => {
    expect(parseArgs([])).toEqual({});
  });

  it("treats everything after -- as positional", () => {
    expect(parseArgs(["--", "--weird-name"])).toEqual({ directory: "--weird-name" });
  });

  it("rejects unknown flags and suggests the nearest one", () => {
    expect(() => parseArgs(["--tempalte", "x"])).toThrow(new UsageError("Unknown option --tempalte. Did you mean --template? See --help."));
    expect(() => parseArgs(["--no-overwrite"])).toThrow(/Unknown option --no-overwrite. Did you mean --overwrite\?/);
    expect(() => parseArgs(["-x"])).toThrow(UsageError);
  });

  it("rejects a missing value, a value on a boolean, contradictions and a second directory", () => {
    expect(() => parseArgs(["--template"])).toThrow(/--template needs a value/);
    expect(() => parseArgs(["--template", "--yes"])).toThrow(/--template needs a value/);
    expect(() => parseArgs(["--git=maybe"])).toThrow(/takes no value/);
    expect(() => parseArgs(["--install", "--no-install"])).toThrow(/contradicts/);
    expect(() => parseArgs(["a", "b"])).toThrow(/Expected one directory, got 2/);
  });

  it("allows the same flag twice with the same value", () => {
    expect(parseArgs(["--yes", "-y"])).toEqual({ yes: true });
  });
});
