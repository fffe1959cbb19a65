import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addPluginPackages, parsePluginList, PLUGIN_IDS, pluginSetKey, withPlugins } from "../../src/plan/plugins.js";
import type { TemplateFile, TemplateMeta } from "../../src/templates/files.js";
import { addPluginPages, addPlugins, configuredPlugins } from "../../src/plugins/edit-source.mjs";
// @ts-expect-error plain ESM helpers of the generator
import { PLUGIN_IDS as GENERATOR_IDS, pluginSets, setKey } from "../../src/plugins/specs.mjs";
import { REPO_ROOT } from "../support/paths.js";

describe("parsePluginList", () => {
  it("puts the ids in their fixed order and drops repeats and blanks", () => {
    expect(parsePluginList("admin, two-factor,,admin")).toEqual(["two-factor", "admin"]);
    expect(parsePluginList("magic-link,passkey,admin,two-factor")).toEqual(["two-factor", "passkey", "magic-link", "admin"]);
  });

  it("reads none and an empty list as no plugins", () => {
    expect(parsePluginList("none")).toEqual([]);
    expect(parsePluginList("")).toEqual([]);
  });

  it("names each unknown id and lists the valid ones", () => {
    const parsed = parsePluginList("two-factor,2fa,sso");
    expect(parsed).toEqual({ error: expect.stringContaining('"2fa", "sso"') });
    expect((parsed as { error: string }).error).toContain("two-factor, passkey, magic-link, admin");
    expect(parsePluginList("none,admin")).toEqual({ error: expect.stringContaining('"none"') });
  });
});

describe("withPlugins", () => {
  const file = (p: string, content = p): TemplateFile => ({ path: p, content: Buffer.from(content), executable: false });
  const files = [
    file("src/auth.ts", "base"),
    file("src/app.ts"),
    file("plugins/files/admin/scripts/auth-admin.ts", "admin script"),
    file("plugins/files/magic-link/src/mail/magic-link.ts", "mail"),
    file("plugins/sets/admin/src/auth.ts", "with admin"),
    file("plugins/sets/magic-link+admin/src/auth.ts", "with magic link and admin"),
  ];
  const meta: TemplateMeta = { replace: [], plugins: { admin: {}, "magic-link": {} } };
  const shown = (list: TemplateFile[]) => Object.fromEntries(list.map((f) => [f.path, f.content.toString()]));

  it("lays the set's files and each plugin's own over the template, and never writes plugins/", () => {
    expect(shown(withPlugins(files, meta, ["magic-link", "admin"]))).toEqual({
      "src/auth.ts": "with magic link and admin",
      "src/app.ts": "src/app.ts",
      "scripts/auth-admin.ts": "admin script",
      "src/mail/magic-link.ts": "mail",
    });
    expect(shown(withPlugins(files, meta, []))).toEqual({ "src/auth.ts": "base", "src/app.ts": "src/app.ts" });
  });

  it("leaves a plugins/ folder alone in a template that offers no plugins", () => {
    expect(withPlugins(files, { replace: [] }, [])).toHaveLength(files.length);
  });
});

describe("addPluginPackages", () => {
  it("adds each plugin's dependencies (sorted) and scripts", () => {
    const meta: TemplateMeta = {
      replace: [],
      plugins: {
        "two-factor": { devDependencies: { otpauth: "9.5.2" } },
        passkey: { dependencies: { "@better-auth/passkey": "1.7.6" } },
        admin: { scripts: { "auth:admin": "bun scripts/auth-admin.ts" } },
      },
    };
    const pkg = JSON.parse(
      addPluginPackages(JSON.stringify({ scripts: { dev: "x" }, dependencies: { zod: "4", "better-auth": "1" }, devDependencies: { vitest: "4" } }), meta, [
        "two-factor",
        "passkey",
        "admin",
      ]),
    );
    expect(Object.keys(pkg.dependencies)).toEqual(["@better-auth/passkey", "better-auth", "zod"]);
    expect(pkg.devDependencies).toEqual({ otpauth: "9.5.2", vitest: "4" });
    expect(pkg.scripts).toEqual({ dev: "x", "auth:admin": "bun scripts/auth-admin.ts" });
  });
});

describe("the generator's plugins", () => {
  it("are the CLI's, in the same order, and give one folder per set", () => {
    expect(GENERATOR_IDS).toEqual([...PLUGIN_IDS]);
    const sets = pluginSets() as string[][];
    expect(sets).toHaveLength(16);
    expect(sets.map(setKey)).toEqual(sets.map((ids) => pluginSetKey(ids as never)));
  });
});

describe.each(["node-postgres", "bun-sqlite", "cloudflare"])("adding plugins to %s's src/auth.ts", (template) => {
  const source = readFileSync(path.join(REPO_ROOT, "templates", template, "src/auth.ts"), "utf8");

  it("changes nothing but the added imports and entries", () => {
    const edited: string = addPlugins(source, ["two-factor", "admin"]);
    const removed = edited
      .split("\n")
      .filter((line) => !/twoFactor|admin\(\)|better-auth\/plugins\/admin/.test(line) && !/^\s*\/\/ (A second step|Users whose role)/.test(line));
    expect(removed.join("\n")).toBe(source);
    expect(configuredPlugins(edited)).toEqual(["two-factor", "admin"]);
  });

  it("gives the same file whatever order the plugins are added in", () => {
    const all = addPlugins(source, [...PLUGIN_IDS]);
    expect(addPlugins(addPlugins(source, ["admin", "passkey"]), ["magic-link", "two-factor"])).toBe(all);
  });

  it("refuses a plugin that is already there", () => {
    expect(() => addPlugins(addPlugins(source, ["admin"]), ["admin"])).toThrow(/already has the admin plugin/);
  });
});

describe("adding plugins' pages to src/pages/plugins.ts", () => {
  const source = readFileSync(path.join(REPO_ROOT, "templates/node-postgres/src/pages/plugins.ts"), "utf8");

  it("turns the empty list into one entry a line, imports sorted, in the fixed order whatever the order of adding", () => {
    const both: string = addPluginPages(source, ["admin", "two-factor"]);
    expect(both).toContain('import { adminPages } from "./admin.tsx";\nimport type { PagePlugin } from "./page-plugin.ts";\nimport { twoFactorPages } from "./two-factor.tsx";\n');
    expect(both).toContain("export const PAGE_PLUGINS: PagePlugin[] = [\n  twoFactorPages,\n  adminPages,\n];\n");
    expect(addPluginPages(addPluginPages(source, ["admin"]), ["two-factor"])).toBe(both);
    expect(() => addPluginPages(both, ["admin"])).toThrow(/already has the admin plugin/);
  });
});
