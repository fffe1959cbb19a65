import { describe, expect, test } from "bun:test";

// Bad configuration stops the server before it listens, with a message that names the variable.
const { NODE_ENV: _testMode, ...inherited } = process.env;

/** `src/index.ts` started with these settings added to a shell without NODE_ENV (so: production). */
async function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const child = Bun.spawn(["bun", "src/index.ts"], {
    cwd: `${import.meta.dir}/..`,
    env: { ...inherited, PORT: "0", DB_FILE: ":memory:", BETTER_AUTH_SECRET: "x".repeat(32), ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const code = await child.exited;
  return { code, stderr: await new Response(child.stderr).text() };
}

describe("a start with bad configuration", () => {
  test("refuses a malformed TRUSTED_ORIGINS entry, and says which", async () => {
    const { code, stderr } = await start({ NODE_ENV: "development", TRUSTED_ORIGINS: "http://localhost:5173,localhost:8080" });
    expect(code).toBe(1);
    expect(stderr).toContain('TRUSTED_ORIGINS has a malformed entry "localhost:8080"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("without NODE_ENV runs as production, where BETTER_AUTH_URL is required", async () => {
    const { code, stderr } = await start({ BETTER_AUTH_URL: "" });
    expect(code).toBe(1);
    expect(stderr).toContain("BETTER_AUTH_URL is not set. In production it must be the site's public URL");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("refuses a plain-http BETTER_AUTH_URL in production unless it is this machine", async () => {
    const { code, stderr } = await start({ BETTER_AUTH_URL: "http://app.example" });
    expect(code).toBe(1);
    expect(stderr).toContain('BETTER_AUTH_URL is "http://app.example": plain http in production');
  });
});
