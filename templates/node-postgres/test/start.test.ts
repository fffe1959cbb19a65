// Bad configuration stops the server before it listens, with a message that names the variable.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const { NODE_ENV: _testMode, ...inherited } = process.env;

/** `src/index.ts` started with these settings added to a shell without NODE_ENV (so: production). */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "src/index.ts"], { cwd: projectRoot, timeout: 15_000, env: { ...inherited, PORT: "0", ...env } }, (error, _stdout, stderr) =>
      resolve({ code: error ? (error.code as number | null) : 0, stderr }),
    );
  });
}

describe("a start with bad configuration", () => {
  it("refuses a malformed TRUSTED_ORIGINS entry, and says which", async () => {
    const result = await start({ NODE_ENV: "development", TRUSTED_ORIGINS: "http://localhost:5173,localhost:8080" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TRUSTED_ORIGINS has a malformed entry "localhost:8080"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // A database URL that is never connected to: the settings are checked before anything is served.
  const production = { DATABASE_URL: "postgresql://app@127.0.0.1:1/app", BETTER_AUTH_SECRET: "s".repeat(43) };

  it("without NODE_ENV runs as production, where BETTER_AUTH_URL is required", async () => {
    const result = await start({ ...production, BETTER_AUTH_URL: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("BETTER_AUTH_URL is not set. In production it must be the site's public URL");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a plain-http BETTER_AUTH_URL in production unless it is this machine", async () => {
    const result = await start({ ...production, BETTER_AUTH_URL: "http://app.example" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('BETTER_AUTH_URL is "http://app.example": plain http in production');
    expect(result.stderr).toContain("Use https://app.example");
  });
});
