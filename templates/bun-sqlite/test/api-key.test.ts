import { afterEach, beforeEach, expect, test } from "bun:test";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

test("a signed-in user creates an API key, and it verifies", async () => {
  const { client, user } = await signUp(server.url, "Automator");
  const created = await client.post("/api/auth/api-key/create", { name: "ci" });
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject({ name: "ci", referenceId: user.id });
  const key: string = created.body.key;
  expect(key.length).toBeGreaterThan(20);

  const listed = await client.get("/api/auth/api-key/list");
  expect(listed.status).toBe(200);
  expect(JSON.stringify(listed.body)).toContain(created.body.id);
  // Only a hash is stored: the key itself is shown once, at creation.
  expect(JSON.stringify(listed.body)).not.toContain(key);

  // Verifying is a server-side call (Better Auth exposes it on auth.api, not over HTTP).
  const valid = await server.auth.api.verifyApiKey({ body: { key } });
  expect(valid.valid).toBe(true);
  expect(valid.key?.referenceId).toBe(user.id);

  const forged = await server.auth.api.verifyApiKey({ body: { key: `${key.slice(0, -4)}abcd` } });
  expect(forged.valid).toBe(false);
});

test("creating an API key needs a session", async () => {
  const response = await new Client(server.url).post("/api/auth/api-key/create", { name: "nope" });
  expect(response.status).toBe(401);
});
