import { afterEach, beforeEach, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { apikey, project } from "../src/db/schema";
import { Client } from "./support/client";
import { signUp, tenant } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

/** An organization's owner, and a key made for that organization. */
async function ownerWithKey(name: string) {
  const owner = await tenant(server.url, name);
  const created = await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id });
  expect(created.status).toBe(200);
  return { ...owner, key: created.body.key as string, keyId: created.body.id as string };
}

function withKey(key: string) {
  return new Client(server.url, undefined, { "x-api-key": key });
}

test("the owner makes a key for the active organization; it is stored hashed and verifies as the organization's", async () => {
  const { client, organization, key, keyId } = await ownerWithKey("Automator");
  expect(key.length).toBeGreaterThan(20);

  const listed = await client.get(`/api/auth/api-key/list?organizationId=${organization.id}`);
  expect(listed.status).toBe(200);
  expect(JSON.stringify(listed.body)).toContain(keyId);
  expect(JSON.stringify(listed.body)).not.toContain(key);

  const valid = await server.auth.api.verifyApiKey({ body: { key } });
  expect(valid).toMatchObject({ valid: true, key: { referenceId: organization.id } });
  expect((await server.auth.api.verifyApiKey({ body: { key: `${key.slice(0, -4)}abcd` } })).valid).toBe(false);
});

test("a key made or listed without naming an organization is the active organization's", async () => {
  const { client, organization, keyId } = await ownerWithKey("Defaulted");
  const made = await client.post("/api/auth/api-key/create", { name: "no organization named" });
  expect(made.status).toBe(200);
  expect(made.body.referenceId).toBe(organization.id);
  const listed = await client.get("/api/auth/api-key/list");
  expect(JSON.stringify(listed.body)).toContain(keyId);
  expect(JSON.stringify(listed.body)).toContain(made.body.id);
});

test("x-api-key reads and writes the key's organization on /api/projects, and nothing of another's", async () => {
  const { client, key } = await ownerWithKey("Keyed");
  const mine = await client.post("/api/projects", { name: "Made by a person" });
  expect(mine.status).toBe(201);
  const other = await tenant(server.url, "Other");
  const theirs = await other.client.post("/api/projects", { name: "Not yours" });

  const machine = withKey(key);
  const listed = await machine.get("/api/projects");
  expect(listed.status).toBe(200);
  expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(["Made by a person"]);
  expect((await machine.get(`/api/projects/${theirs.body.project.id}`)).status).toBe(404);

  const made = await machine.post("/api/projects", { name: "Made by a key" });
  expect(made.status).toBe(201);
  // A key acts for the organization, not for a person.
  expect(server.db.select().from(project).where(eq(project.id, made.body.project.id)).get()?.ownerId).toBeNull();
  expect((await other.client.get("/api/projects")).body.projects.map((p: { name: string }) => p.name)).toEqual(["Not yours"]);
});

test("an unknown, forged or revoked key is a 401, and the key wins over a session cookie", async () => {
  const { client, key, keyId } = await ownerWithKey("Revoker");
  expect(await withKey("not-a-key").get("/api/projects")).toMatchObject({ status: 401, body: { error: "Invalid API key" } });
  expect((await withKey(`${key.slice(0, -4)}abcd`).get("/api/projects")).status).toBe(401);

  expect((await client.post("/api/auth/api-key/delete", { keyId })).status).toBe(200);
  expect((await withKey(key).get("/api/projects")).status).toBe(401);
  // A valid session beside a bad key: the key is what the request asked to be judged by.
  expect((await client.get("/api/projects")).status).toBe(200);
  expect((await client.withHeaders({ "x-api-key": key }).get("/api/projects")).status).toBe(401);
});

test("only the owner makes keys; a key needs an organization and a session", async () => {
  const { organization } = await ownerWithKey("Strict");
  const member = await signUp(server.url, "Member");
  await server.auth.api.addMember({ body: { userId: member.user.id, organizationId: organization.id, role: "member" } });
  const refused = await member.client.post("/api/auth/api-key/create", { name: "mine", organizationId: organization.id });
  expect(refused.status).toBe(403);
  expect((await member.client.post("/api/auth/api-key/create", { name: "no org" })).status).toBe(400);
  expect((await new Client(server.url).post("/api/auth/api-key/create", { name: "nope", organizationId: organization.id })).status).toBe(401);
});

test("deleting the organization deletes its keys", async () => {
  const { client, organization, key } = await ownerWithKey("Doomed");
  expect((await client.post("/api/auth/organization/delete", { organizationId: organization.id })).status).toBe(200);
  expect(server.db.select().from(apikey).where(eq(apikey.referenceId, organization.id)).all()).toEqual([]);
  expect((await withKey(key).get("/api/projects")).status).toBe(401);
});

test("each key has its own rate limit: over it, 429 with Retry-After", async () => {
  const { key, keyId, user } = await ownerWithKey("Busy");
  // Server-side only: a client may not choose its own limit.
  await server.auth.api.updateApiKey({ body: { keyId, userId: user.id, rateLimitMax: 2, rateLimitTimeWindow: 60_000 } });
  const machine = withKey(key);
  expect((await machine.get("/api/projects")).status).toBe(200);
  expect((await machine.get("/api/projects")).status).toBe(200);
  const limited = await machine.get("/api/projects");
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
});
