// A malformed TRUSTED_ORIGINS stops the server before it listens, naming the entry.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

it("refuses to start with a malformed TRUSTED_ORIGINS entry, and says which", async () => {
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/index.ts"],
      { cwd: projectRoot, timeout: 15_000, env: { ...process.env, NODE_ENV: "development", PORT: "0", TRUSTED_ORIGINS: "http://localhost:5173,localhost:8080" } },
      (error, _stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, stderr }),
    );
  });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('TRUSTED_ORIGINS has a malformed entry "localhost:8080"');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
