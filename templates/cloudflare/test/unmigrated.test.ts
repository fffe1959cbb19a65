import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { userInOwnOrganization } from "./client.ts";

// This file's database loses its app tables (each test file has its own database).
it("answers 500 naming `npm run db:migrate` when the app tables are missing", async () => {
  const { client } = await userInOwnOrganization("unmigrated");
  await env.DB.batch([env.DB.prepare("DROP TABLE task"), env.DB.prepare("DROP TABLE project")]);

  const reply = await client.get("/api/projects");
  expect(reply.status).toBe(500);
  expect(reply.body.error).toMatch(/npm run db:migrate/);
});
