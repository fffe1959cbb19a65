import { createPublicKey, verify, type JsonWebKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { auth } from "../src/auth.ts";
import { Client, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

describe("API keys", () => {
  const client = new Client(server);
  let userId = "";

  beforeAll(async () => {
    ({ userId } = await signUp(client, "keys"));
  });

  it("creates a key over HTTP that verifies, and lists it without the secret", async () => {
    const created = await client.post("/api/auth/api-key/create", { name: "ci" });
    expect(created.status).toBe(200);
    const key = created.body.key as string;
    expect(key.length).toBeGreaterThan(20);
    expect(created.body).toMatchObject({ name: "ci", referenceId: userId, enabled: true });

    const valid = await auth.api.verifyApiKey({ body: { key } });
    expect(valid.valid).toBe(true);
    expect(valid.key?.referenceId).toBe(userId);

    // Better Auth logs this rejection as an ERROR line: expected here.
    const forged = await auth.api.verifyApiKey({ body: { key: `${key.slice(0, -4)}abcd` } });
    expect(forged.valid).toBe(false);

    const listed = await client.get("/api/auth/api-key/list");
    expect(listed.status).toBe(200);
    const keys = Array.isArray(listed.body) ? listed.body : listed.body.apiKeys;
    expect(keys).toEqual([expect.objectContaining({ id: created.body.id, name: "ci" })]);
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it("refuses to create a key without a session", async () => {
    expect((await new Client(server).post("/api/auth/api-key/create", { name: "x" })).status).toBe(401);
  });
});

describe("JWT", () => {
  it("issues a token signed by a key published in /api/auth/jwks", async () => {
    const client = new Client(server);
    const { userId } = await signUp(client, "jwt");

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
