import { afterEach, beforeEach, expect, test } from "bun:test";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

test("/api/auth/token gives a JWT that verifies against /api/auth/jwks", async () => {
  const { client, user } = await signUp(server.url, "Bearer");

  const token = await client.get("/api/auth/token");
  expect(token.status).toBe(200);
  const jwt: string = token.body.token;
  expect(jwt.split(".")).toHaveLength(3);

  const jwks = await new Client(server.url).get("/api/auth/jwks");
  expect(jwks.status).toBe(200);
  expect(jwks.body.keys.length).toBeGreaterThan(0);
  expect(jwks.body.keys[0]).not.toHaveProperty("d"); // public keys only

  const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks.body));
  expect(payload.sub).toBe(user.id);
  expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toContain(decodeProtectedHeader(jwt).kid);
});

test("a JWT with a changed payload does not verify", async () => {
  const { client } = await signUp(server.url);
  const [header, payload, signature] = ((await client.get("/api/auth/token")).body.token as string).split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: "someone-else" })).toString("base64url");

  const jwks = (await new Client(server.url).get("/api/auth/jwks")).body;
  await expect(jwtVerify(`${header}.${forged}.${signature}`, createLocalJWKSet(jwks))).rejects.toThrow();
});

test("/api/auth/token needs a session", async () => {
  expect((await new Client(server.url).get("/api/auth/token")).status).toBe(401);
});
