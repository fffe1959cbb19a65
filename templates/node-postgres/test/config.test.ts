// The server refuses to start without BETTER_AUTH_SECRET outside tests, and says how to fix it.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

describe("configuration", () => {
  it("fails fast with a clear message when BETTER_AUTH_SECRET is missing", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/index.ts"],
        {
          cwd: projectRoot,
          timeout: 15_000,
          // An empty value in the environment wins over .env, so this also holds in a real project.
          env: { ...process.env, NODE_ENV: "development", BETTER_AUTH_SECRET: "", PORT: "0" },
        },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("BETTER_AUTH_SECRET is not set");
    expect(result.stderr).toContain("openssl rand -base64 32");
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
