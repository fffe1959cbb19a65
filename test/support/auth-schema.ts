import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { run } from "./run.js";

/** Runs the project's auth:generate (the real Better Auth CLI, on Node 22) and checks the schema did not change. */
export async function expectAuthSchemaRegeneratesUnchanged(project: string, command: string[], env: Record<string, string>): Promise<void> {
  const file = path.join(project, "src/db/auth.schema.ts");
  const before = readFileSync(file, "utf8");
  const result = await run(command[0]!, command.slice(1), project, env);
  expect(result.exitCode, result.all).toBe(0);
  expect(readFileSync(file, "utf8")).toBe(before);
}
