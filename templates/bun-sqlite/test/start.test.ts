import { expect, test } from "bun:test";

// A malformed TRUSTED_ORIGINS stops the server before it listens, naming the entry.
test("refuses to start with a malformed TRUSTED_ORIGINS entry, and says which", async () => {
  const child = Bun.spawn(["bun", "src/index.ts"], {
    cwd: `${import.meta.dir}/..`,
    env: { ...process.env, NODE_ENV: "development", PORT: "0", DB_FILE: ":memory:", BETTER_AUTH_SECRET: "x".repeat(32), TRUSTED_ORIGINS: "http://localhost:5173,localhost:8080" },
    stdout: "pipe",
    stderr: "pipe",
  });
  const code = await child.exited;
  const stderr = await new Response(child.stderr).text();
  expect(code).toBe(1);
  expect(stderr).toContain('TRUSTED_ORIGINS has a malformed entry "localhost:8080"');
  expect(stderr).not.toMatch(/\n\s+at /);
});
