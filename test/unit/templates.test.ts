import { describe, expect, it } from "vitest";
import { parseTemplateSource } from "../../src/cli/validate.js";
import { BUNDLED_TEMPLATES } from "../../src/templates/catalog.js";

describe("parseTemplateSource", () => {
  it("knows the three bundled templates, in order", () => {
    expect(BUNDLED_TEMPLATES.map((t) => t.id)).toEqual(["node-postgres", "bun-sqlite", "cloudflare"]);
    for (const template of BUNDLED_TEMPLATES) {
      expect(template.title).not.toBe("");
      expect(template.hint).not.toBe("");
    }
  });

  it.each([
    ["node-postgres", { kind: "bundled", id: "node-postgres" }],
    ["gh:owner/repo", { kind: "remote", input: "gh:owner/repo" }],
    ["github:owner/repo/sub/dir#v1.2", { kind: "remote", input: "github:owner/repo/sub/dir#v1.2" }],
    ["gitlab:group/project", { kind: "remote", input: "gitlab:group/project" }],
    ["bitbucket:team/repo#main", { kind: "remote", input: "bitbucket:team/repo#main" }],
    ["./my-template", { kind: "local", path: "./my-template" }],
    ["../up", { kind: "local", path: "../up" }],
    ["/abs/path", { kind: "local", path: "/abs/path" }],
  ])("%s", (input, expected) => {
    expect(parseTemplateSource(input)).toEqual(expected);
  });

  it("suggests the nearest template on a typo", () => {
    expect(parseTemplateSource("node-postgress")).toEqual({
      error: expect.stringMatching(/^Unknown template "node-postgress". Did you mean node-postgres\?/),
    });
  });

  it("points owner/repo shorthand to gh: or ./", () => {
    expect(parseTemplateSource("owner/repo")).toEqual({ error: expect.stringContaining("For GitHub write gh:owner/repo; for a folder ./owner/repo.") });
  });

  it("refuses malformed remote sources", () => {
    expect(parseTemplateSource("gh:just-owner")).toEqual({ error: expect.stringContaining("is not a remote template") });
  });
});
