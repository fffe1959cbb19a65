import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { installedVersion } from "../../src/steps/pm-version.js";
import { tempDir } from "../support/temp.js";

/** A package manager installed the way npm installs one: bin/<name> a link into node_modules/<package>. */
function install(root: string, command: string, pkg: { name: string; version: string }, binFile = "bin/cli.js"): string {
  const folder = path.join(root, "lib/node_modules", pkg.name);
  mkdirSync(path.dirname(path.join(folder, binFile)), { recursive: true });
  writeFileSync(path.join(folder, "package.json"), JSON.stringify(pkg));
  writeFileSync(path.join(folder, binFile), "");
  mkdirSync(path.join(root, "bin"), { recursive: true });
  symlinkSync(path.join(folder, binFile), path.join(root, "bin", command));
  return path.join(root, "bin");
}

describe("installedVersion", () => {
  it("reads the version of the package the command on PATH belongs to", () => {
    const bin = install(tempDir(), "pnpm", { name: "pnpm", version: "12.21.0" });
    expect(installedVersion("pnpm", `/nowhere${path.delimiter}${bin}`, "linux")).toBe("12.21.0");
    const berry = install(tempDir(), "yarn", { name: "@yarnpkg/cli-dist", version: "4.9.1" }, "bin/yarn.js");
    expect(installedVersion("yarn", berry, "linux")).toBe("4.9.1");
  });

  it("says nothing for a shim from another package, a missing command, or Windows: the caller asks the command", () => {
    const corepack = install(tempDir(), "pnpm", { name: "corepack", version: "0.33.0" }, "shims/pnpm");
    expect(installedVersion("pnpm", corepack, "linux")).toBeUndefined();
    expect(installedVersion("npm", "/nowhere", "linux")).toBeUndefined();
    const bin = install(tempDir(), "npm", { name: "npm", version: "11.0.0" });
    expect(installedVersion("npm", bin, "win32")).toBeUndefined();
    expect(installedVersion("git", bin, "linux")).toBeUndefined();
  });
});
