import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createAuth } from "../src/auth.ts";
import { Client, ORIGIN, PASSWORD, signedUpUser, uniqueEmail } from "./client.ts";

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

describe("API key plugin", () => {
  it("creates a key for the signed-in user that the server verifies", async () => {
    const { client, user } = await signedUpUser("apikey");
    const created = await client.post("/api/auth/api-key/create", { name: "ci" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: "ci", referenceId: user.id, enabled: true });
    const key = created.body.key as string;

    const listed = await client.get("/api/auth/api-key/list");
    expect(JSON.stringify(listed.body)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(key); // only ever shown once

    // Verification is server-only in Better Auth: what the app's own code would call.
    const auth = createAuth(env, new Request(ORIGIN));
    const valid = await auth.api.verifyApiKey({ body: { key } });
    expect(valid).toMatchObject({ valid: true, key: { referenceId: user.id } });
    const invalid = await auth.api.verifyApiKey({ body: { key: `${key}nope` } });
    expect(invalid.valid).toBe(false);
  });

  it("creates no key without a session", async () => {
    expect((await new Client().post("/api/auth/api-key/create", { name: "x" })).status).toBe(401);
  });
});

function base64url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0));
}
