import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAuth } from "../src/auth.ts";
import { Client, ORIGIN, PASSWORD, signedUpUser, uniqueEmail, userInOwnOrganization } from "./client.ts";

describe("Better Auth over HTTP", () => {
  it("answers /api/auth/ok and /api/health", async () => {
    const client = new Client();
    expect(await client.get("/api/auth/ok")).toMatchObject({ status: 200, body: { ok: true } });
    expect(await client.get("/api/health")).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("signs up, starting a session with an http-only cookie", async () => {
    const client = new Client();
    const email = uniqueEmail("signup");
    const reply = await client.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Sign Up" });

    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({ email, name: "Sign Up", emailVerified: false });
    expect(reply.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=[^;]+;.*HttpOnly/i);

    const session = await client.get("/api/auth/get-session");
    expect(session.body.user.email).toBe(email);
  });

  it("refuses a second account with the same email", async () => {
    const { email } = await signedUpUser("dupe");
    const reply = await new Client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Again" });
    expect(reply.status).toBeGreaterThanOrEqual(400);
  });

  it("signs in with the right password only", async () => {
    const { email, user } = await signedUpUser("signin");

    const wrong = await new Client().post("/api/auth/sign-in/email", { email, password: "not the password" });
    expect(wrong.status).toBe(401);
    const unknown = await new Client().post("/api/auth/sign-in/email", { email: uniqueEmail("nobody"), password: PASSWORD });
    expect(unknown.status).toBe(401);

    const client = new Client();
    const right = await client.post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(right.status).toBe(200);
    expect(right.body.user.id).toBe(user.id);
    const session = await client.get("/api/auth/get-session");
    expect(session.body).toMatchObject({ user: { id: user.id }, session: { userId: user.id } });
  });

  it("has no session without a cookie, and none after sign-out", async () => {
    expect((await new Client().get("/api/auth/get-session")).body).toBeNull();

    const { client } = await signedUpUser("signout");
    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    expect((await client.get("/api/auth/get-session")).body).toBeNull();
  });

  it("rejects sign-in posted from an untrusted origin", async () => {
    const { email } = await signedUpUser("origin");
    const reply = await new Client().request("/api/auth/sign-in/email", {
      method: "POST",
      body: { email, password: PASSWORD },
      headers: { origin: "http://evil.example" },
    });
    expect(reply.status).toBe(403);
  });
});

describe("JWT plugin", () => {
  it("issues a JWT for the session, verifiable with the published key set", async () => {
    const { client, user } = await signedUpUser("jwt");
    // Reading the session mints no token (the jwt plugin's set-auth-jwt header is off): clients ask for one.
    expect((await client.get("/api/auth/get-session")).headers.get("set-auth-jwt")).toBeNull();
    const { status, body } = await client.get("/api/auth/token");
    expect(status).toBe(200);
    const [header, payload, signature] = (body.token as string).split(".");
    if (!header || !payload || !signature) throw new Error(`not a JWT: ${body.token}`);

    const decode = (part: string) => JSON.parse(new TextDecoder().decode(base64url(part)));
    const { alg, kid } = decode(header);
    expect(decode(payload)).toMatchObject({ sub: user.id, iss: ORIGIN });

    const jwks = await new Client().get("/api/auth/jwks");
    expect(jwks.status).toBe(200);
    const jwk = jwks.body.keys.find((key: { kid: string }) => key.kid === kid);
    expect(jwk).toMatchObject({ alg, kty: "OKP", crv: "Ed25519" });
    expect(jwk).not.toHaveProperty("d"); // never the private part

    const key = await crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["verify"]);
    const signed = new TextEncoder().encode(`${header}.${payload}`);
    expect(await crypto.subtle.verify({ name: "Ed25519" }, key, base64url(signature), signed)).toBe(true);
    const tampered = new TextEncoder().encode(`${header}.${payload}x`);
    expect(await crypto.subtle.verify({ name: "Ed25519" }, key, base64url(signature), tampered)).toBe(false);
  });

  it("gives no token without a session", async () => {
    expect((await new Client().get("/api/auth/token")).status).toBe(401);
  });
});

/** An organization's owner (signed in), and a key made for that organization. */
async function ownerWithKey(label: string) {
  const owner = await userInOwnOrganization(label);
  const created = await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id });
  expect(created.status).toBe(200);
  return { ...owner, key: created.body.key as string, keyId: created.body.id as string };
}

const withKey = (client: Client, path: string, key: string, body?: unknown) =>
  client.request(path, { method: body === undefined ? "GET" : "POST", body, headers: { "x-api-key": key } });

describe("API keys", () => {
  it("are made by the owner for the active organization, stored hashed, and verify as the organization's", async () => {
    const { client, organization, key, keyId } = await ownerWithKey("apikey");
    const listed = await client.get(`/api/auth/api-key/list?organizationId=${organization.id}`);
    expect(JSON.stringify(listed.body)).toContain(keyId);
    expect(JSON.stringify(listed.body)).not.toContain(key); // only ever shown once

    // Verification is server-only in Better Auth: what the app's own code calls.
    const auth = createAuth(env, new Request(ORIGIN));
    expect(await auth.api.verifyApiKey({ body: { key } })).toMatchObject({ valid: true, key: { referenceId: organization.id } });
    expect((await auth.api.verifyApiKey({ body: { key: `${key}nope` } })).valid).toBe(false);
  });

  it("made or listed without naming an organization, are the active organization's", async () => {
    const { client, organization, keyId } = await ownerWithKey("defaulted");
    const made = await client.post("/api/auth/api-key/create", { name: "no organization named" });
    expect(made.status).toBe(200);
    expect(made.body.referenceId).toBe(organization.id);
    const listed = await client.get("/api/auth/api-key/list");
    expect(JSON.stringify(listed.body)).toContain(keyId);
    expect(JSON.stringify(listed.body)).toContain(made.body.id);
  });

  it("read and write their organization on /api/projects as x-api-key, and nothing of another's", async () => {
    const { client, key } = await ownerWithKey("keyed");
    expect((await client.post("/api/projects", { name: "Made by a person" })).status).toBe(201);
    const other = await userInOwnOrganization("other");
    const theirs = await other.client.post("/api/projects", { name: "Not yours" });

    const machine = new Client();
    const listed = await withKey(machine, "/api/projects", key);
    expect(listed.status).toBe(200);
    expect(listed.body.projects.map((p: { name: string }) => p.name)).toEqual(["Made by a person"]);
    expect((await withKey(machine, `/api/projects/${theirs.body.project.id}`, key)).status).toBe(404);
    const made = await withKey(machine, "/api/projects", key, { name: "Made by a key" });
    expect(made.status).toBe(201);
    // A key acts for the organization, not for a person.
    expect(made.body.project.ownerId).toBeNull();
    expect((await other.client.get("/api/projects")).body.projects.map((p: { name: string }) => p.name)).toEqual(["Not yours"]);
  });

  it("answer 401 when unknown or revoked, also beside a valid session cookie", async () => {
    const { client, key, keyId } = await ownerWithKey("revoker");
    expect(await withKey(new Client(), "/api/projects", "not-a-key")).toMatchObject({ status: 401, body: { error: "Invalid API key" } });
    expect((await client.post("/api/auth/api-key/delete", { keyId })).status).toBe(200);
    expect((await withKey(new Client(), "/api/projects", key)).status).toBe(401);
    expect((await client.get("/api/projects")).status).toBe(200);
    expect((await withKey(client, "/api/projects", key)).status).toBe(401);
  });

  it("are made only by the owner, only for an organization, only with a session", async () => {
    const { organization } = await ownerWithKey("strict");
    const member = await signedUpUser("member");
    const auth = createAuth(env, new Request(ORIGIN));
    await auth.api.addMember({ body: { userId: member.user.id, organizationId: organization.id, role: "member" } });
    expect((await member.client.post("/api/auth/api-key/create", { name: "mine", organizationId: organization.id })).status).toBe(403);
    expect((await member.client.post("/api/auth/api-key/create", { name: "no org" })).status).toBe(400);
    expect((await new Client().post("/api/auth/api-key/create", { name: "x", organizationId: organization.id })).status).toBe(401);
  });

  it("go with their organization when it is deleted", async () => {
    const { client, organization, key } = await ownerWithKey("doomed");
    expect((await client.post("/api/auth/organization/delete", { organizationId: organization.id })).status).toBe(200);
    const left = await env.DB.prepare("select id from apikey where reference_id = ?").bind(organization.id).all();
    expect(left.results).toEqual([]);
    expect((await withKey(new Client(), "/api/projects", key)).status).toBe(401);
  });

  it("each have a rate limit: over it, 429 with Retry-After", async () => {
    const { key, keyId, user } = await ownerWithKey("busy");
    // Server-side only: a client may not choose its own limit.
    await createAuth(env, new Request(ORIGIN)).api.updateApiKey({ body: { keyId, userId: user.id, rateLimitMax: 2, rateLimitTimeWindow: 60_000 } });
    const machine = new Client();
    expect((await withKey(machine, "/api/projects", key)).status).toBe(200);
    expect((await withKey(machine, "/api/projects", key)).status).toBe(200);
    const limited = await withKey(machine, "/api/projects", key);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

function base64url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0));
}
