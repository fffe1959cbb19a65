import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auth } from "../src/auth.ts";
import { db } from "../src/db/index.ts";
import { apikey } from "../src/db/schema.ts";
import { Client, createActiveOrganization, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

/** An organization's owner (signed in), and a key made for that organization. */
async function ownerWithKey(label: string) {
  const client = new Client(server);
  const { userId } = await signUp(client, label);
  const organizationId = await createActiveOrganization(client, `${label} Org`);
  const created = await client.post("/api/auth/api-key/create", { name: "ci", organizationId });
  expect(created.status).toBe(200);
  return { client, userId, organizationId, key: created.body.key as string, keyId: created.body.id as string };
}

const withKey = (key: string) => ({ "x-api-key": key });

describe("API keys", () => {
  it("are made by the owner for the active organization, stored hashed, and verify as the organization's", async () => {
    const { client, organizationId, key, keyId } = await ownerWithKey("keys");
    expect(key.length).toBeGreaterThan(20);
    const listed = await client.get(`/api/auth/api-key/list?organizationId=${organizationId}`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain(keyId);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    expect(await auth.api.verifyApiKey({ body: { key } })).toMatchObject({ valid: true, key: { referenceId: organizationId } });
    // Better Auth logs this rejection as an ERROR line: expected here.
    expect((await auth.api.verifyApiKey({ body: { key: `${key.slice(0, -4)}abcd` } })).valid).toBe(false);
  });

  it("made or listed without naming an organization, are the active organization's", async () => {
    const { client, organizationId, keyId } = await ownerWithKey("defaulted");
    const made = await client.post("/api/auth/api-key/create", { name: "no organization named" });
    expect(made.status).toBe(200);
    expect(made.body.referenceId).toBe(organizationId);
    const listed = await client.get("/api/auth/api-key/list");
    expect(JSON.stringify(listed.body)).toContain(keyId);
    expect(JSON.stringify(listed.body)).toContain(made.body.id);
  });

  it("read and write their organization on /api/projects as x-api-key, and nothing of another's", async () => {
    const { client, key } = await ownerWithKey("keyed");
    expect((await client.post("/api/projects", { name: "Made by a person" })).status).toBe(201);
    const other = new Client(server);
    await signUp(other, "other");
    await createActiveOrganization(other, "Other Org");
    const theirs = await other.post("/api/projects", { name: "Not yours" });

    const machine = new Client(server);
    const listed = await machine.get("/api/projects", withKey(key));
    expect(listed.status).toBe(200);
    expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(["Made by a person"]);
    expect((await machine.get(`/api/projects/${theirs.body.project.id}`, withKey(key))).status).toBe(404);

    const made = await machine.post("/api/projects", { name: "Made by a key" }, withKey(key));
    expect(made.status).toBe(201);
    // A key acts for the organization, not for a person.
    expect(made.body.project.ownerId).toBeNull();
    expect((await other.get("/api/projects")).body.projects.map((p: { name: string }) => p.name)).toEqual(["Not yours"]);
  });

  it("answer 401 when unknown, forged or revoked, also beside a valid session cookie", async () => {
    const { client, key, keyId } = await ownerWithKey("revoker");
    const machine = new Client(server);
    expect(await machine.get("/api/projects", withKey("not-a-key"))).toMatchObject({ status: 401, body: { error: "Invalid API key" } });
    expect((await machine.get("/api/projects", withKey(`${key.slice(0, -4)}abcd`))).status).toBe(401);
    expect((await client.post("/api/auth/api-key/delete", { keyId })).status).toBe(200);
    expect((await machine.get("/api/projects", withKey(key))).status).toBe(401);
    expect((await client.get("/api/projects")).status).toBe(200);
    expect((await client.get("/api/projects", withKey(key))).status).toBe(401);
  });

  it("are made only by the owner, only for an organization, only with a session", async () => {
    const { organizationId } = await ownerWithKey("strict");
    const member = new Client(server);
    const { userId } = await signUp(member, "member");
    await auth.api.addMember({ body: { userId, organizationId, role: "member" } });
    expect((await member.post("/api/auth/api-key/create", { name: "mine", organizationId })).status).toBe(403);
    expect((await member.post("/api/auth/api-key/create", { name: "no org" })).status).toBe(400);
    expect((await new Client(server).post("/api/auth/api-key/create", { name: "x", organizationId })).status).toBe(401);
  });

  it("go with their organization when it is deleted", async () => {
    const { client, organizationId, key } = await ownerWithKey("doomed");
    expect((await client.post("/api/auth/organization/delete", { organizationId })).status).toBe(200);
    expect(await db.select().from(apikey).where(eq(apikey.referenceId, organizationId))).toEqual([]);
    expect((await new Client(server).get("/api/projects", withKey(key))).status).toBe(401);
  });

  it("each have a rate limit: over it, 429 with Retry-After", async () => {
    const { key, keyId, userId } = await ownerWithKey("busy");
    // Server-side only: a client may not choose its own limit.
    await auth.api.updateApiKey({ body: { keyId, userId, rateLimitMax: 2, rateLimitTimeWindow: 60_000 } });
    const machine = new Client(server);
    expect((await machine.get("/api/projects", withKey(key))).status).toBe(200);
    expect((await machine.get("/api/projects", withKey(key))).status).toBe(200);
    const limited = await machine.get("/api/projects", withKey(key));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("JWT", () => {
  it("issues a token signed by a key published in /api/auth/jwks", async () => {
    const client = new Client(server);
    const { userId } = await signUp(client, "jwt");
    // Reading the session mints no token (the jwt plugin's set-auth-jwt header is off): clients ask for one.
    expect((await client.get("/api/auth/get-session")).headers.get("set-auth-jwt")).toBeNull();

    const tokenReply = await client.get("/api/auth/token");
    expect(tokenReply.status).toBe(200);
    const token = tokenReply.body.token as string;
    const [header64 = "", payload64 = "", signature64 = ""] = token.split(".");
    const header = JSON.parse(Buffer.from(header64, "base64url").toString());
    const payload = JSON.parse(Buffer.from(payload64, "base64url").toString());
    expect(payload.sub).toBe(userId);
    expect(payload.exp * 1000).toBeGreaterThan(Date.now());

    const jwks = await client.get("/api/auth/jwks");
    expect(jwks.status).toBe(200);
    const jwk = (jwks.body.keys as (JsonWebKey & { kid: string })[]).find((k) => k.kid === header.kid);
    expect(jwk, "the token's kid is in the key set").toBeDefined();

    const publicKey = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
    const data = Buffer.from(`${header64}.${payload64}`);
    const signature = Buffer.from(signature64, "base64url");
    expect(header.alg).toBe("EdDSA");
    expect(verify(null, data, publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from(`${header64}.${payload64}x`), publicKey, signature)).toBe(false);
  });

  it("gives no token without a session", async () => {
    expect((await new Client(server).get("/api/auth/token")).status).toBe(401);
  });
});
