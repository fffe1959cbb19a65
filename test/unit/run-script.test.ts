import { describe, expect, it } from "vitest";
import { directScript } from "../../src/steps/run-script.js";

describe("directScript", () => {
  const scripts = { "db:migrate": "node --import tsx scripts/db-migrate.ts", "db:seed": "x", "predb:seed": "y" } as Record<string, string>;
  it("runs the template's own script line with its node_modules/.bin first on PATH", () => {
    expect(directScript({ command: "npm", args: ["run", "db:migrate"] }, scripts, "/p", "linux", "/usr/bin")).toEqual({
      command: "sh",
      args: ["-c", "node --import tsx scripts/db-migrate.ts"],
      env: { PATH: "/p/node_modules/.bin:/usr/bin", npm_lifecycle_event: "db:migrate" },
    });
  });
  it("leaves to the package manager what it does not cover", () => {
    expect(directScript({ command: "npm", args: ["run", "db:seed"] }, scripts, "/p", "linux", "/usr/bin")).toBeUndefined(); // a pre script
    expect(directScript({ command: "npm", args: ["run", "db:migrate", "--", "x"] }, scripts, "/p", "linux", "/usr/bin")).toBeUndefined();
    expect(directScript({ command: "npm", args: ["install"] }, scripts, "/p", "linux", "/usr/bin")).toBeUndefined();
    expect(directScript({ command: "git", args: ["run", "db:migrate"] }, scripts, "/p", "linux", "/usr/bin")).toBeUndefined();
    expect(directScript({ command: "npm", args: ["run", "missing"] }, scripts, "/p", "linux", "/usr/bin")).toBeUndefined();
    expect(directScript({ command: "npm", args: ["run", "db:migrate"] }, scripts, "/p", "win32", "C:\\bin")).toBeUndefined();
  });
});
