import { describe, expect, it } from "vitest";
import { CancelledError, FailureError, UsageError } from "../../src/errors.js";
import { exitCodeFor } from "../../src/cli/exit-code.js";
import { renderHelp } from "../../src/cli/help.js";
import { satisfiesNodeRange } from "../../src/steps/node-version.js";
import { OPTIONS } from "../../src/cli/option-table.js";
import type { RunResult } from "../../src/ui/result.js";
import type { StepResult } from "../../src/steps/types.js";
import { tablesFromOutput } from "../../src/steps/migrate.js";
import { editDistance, nearest } from "../../src/cli/suggest.js";
import { recordedTemplate } from "../../src/templates/catalog.js";

describe("exitCodeFor", () => {
  const result = (...steps: Array<[StepResult["name"], StepResult["status"]]>) =>
    ({ steps: steps.map(([name, status]) => ({ name, status, durationMs: 0 })) }) as unknown as RunResult;

  it("maps errors", () => {
    expect(exitCodeFor({ error: new UsageError("x") })).toBe(2);
    expect(exitCodeFor({ error: new CancelledError() })).toBe(130);
    expect(exitCodeFor({ error: new FailureError("x") })).toBe(1);
    expect(exitCodeFor({ error: new Error("bug") })).toBe(1);
    expect(exitCodeFor({ ok: true })).toBe(0);
  });

  it("maps finished runs: install or migrate failing is 3, git failing is only a note", () => {
    expect(exitCodeFor({ result: result(["install", "done"], ["migrate", "done"], ["git", "done"]) })).toBe(0);
    expect(exitCodeFor({ result: result(["install", "failed"]) })).toBe(3);
    expect(exitCodeFor({ result: result(["install", "done"], ["migrate", "failed"]) })).toBe(3);
    expect(exitCodeFor({ result: result(["install", "done"], ["git", "failed"]) })).toBe(0);
    expect(exitCodeFor({ result: result(["git", "skipped"]) })).toBe(0);
    expect(exitCodeFor({ result: result(["install", "cancelled"]) })).toBe(130);
  });
});

describe("help", () => {
  it("shows every option of the table, and every template", () => {
    const help = renderHelp();
    for (const option of OPTIONS) expect(help).toContain(`--${option.name}`);
    expect(help).toContain("--no-install");
    expect(help).toContain("--pm");
    for (const id of ["node-postgres", "bun-sqlite", "cloudflare"]) expect(help).toMatch(new RegExp(`^  ${id} `, "m"));
  });
});

describe("satisfiesNodeRange", () => {
  it.each([
    ["20.20.2", ">=20.19", true],
    ["20.18.0", ">=20.19", false],
    ["20.20.2", ">=22", false],
    ["22.23.3", ">=22", true],
    ["20.20.2", "^20.19.0 || >=22.12.0", true],
    ["21.0.0", "^20.19.0 || >=22.12.0", false],
    ["22.11.0", "^20.19.0 || >=22.12.0", false],
    ["20.20.2", undefined, true],
    ["20.20.2", "lts/*", true],
    ["22.18.0", ">=22.18.0", true],
    ["1.4.5", ">=1.2.0", true],
    ["1.1.0", ">=1.2.0", false],
    ["20.19.0-nightly2025", ">=20.19", true],
  ])("%s in %s: %s", (version, range, expected) => {
    expect(satisfiesNodeRange(version, range)).toBe(expected);
  });
});

describe("tablesFromOutput", () => {
  it("finds the JSON line among a package manager's noise", () => {
    const output = '\n> app@ db:tables\n> node scripts/tables.js\n\n{"tables":["account","user"]}\n';
    expect(tablesFromOutput(output)).toEqual(["account", "user"]);
  });

  it("is undefined without one", () => {
    expect(tablesFromOutput("nothing here\n{broken")).toBeUndefined();
    expect(tablesFromOutput('{"tables":[1]}')).toBeUndefined();
  });
});

describe("suggestions", () => {
  it("measures edits and only suggests plausible typos", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(nearest("--tempate", ["--template", "--git"])).toBe("--template");
    expect(nearest("--zzzzzz", ["--template", "--git"])).toBeUndefined();
  });
});

describe("recordedTemplate", () => {
  it("names a bundled template by id, a remote one as given, a local folder by its name only", () => {
    expect(recordedTemplate({ kind: "bundled", id: "bun-sqlite" })).toBe("bun-sqlite");
    expect(recordedTemplate({ kind: "remote", input: "github:acme/starter#main" })).toBe("github:acme/starter#main");
    expect(recordedTemplate({ kind: "local", path: "/home/someone/templates/my-starter/" })).toBe("my-starter");
  });
});
