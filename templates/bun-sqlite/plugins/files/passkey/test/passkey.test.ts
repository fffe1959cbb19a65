// The passkey plugin over HTTP: registration options for a signed-in person only, bound to this
// app's host name (the relying party). Registering and signing in with one runs in a browser.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.stop());

describe("passkeys", () => {
  test("offers registration options to a signed-in person, for this host, excluding nobody yet", async () => {
    expect((await new Client(server.url).get("/api/auth/passkey/generate-register-options")).status).toBe(401);
    const { client, email } = await signUp(server.url, "Passkey");
    const options = await client.get("/api/auth/passkey/generate-register-options");
    expect(options.status).toBe(200);
    expect(options.body.rp).toMatchObject({ id: new URL(server.auth.options.baseURL ?? server.url).hostname });
    expect(options.body.user).toMatchObject({ name: email });
    expect(options.body.challenge).toEqual(expect.any(String));
    expect((await client.get("/api/auth/passkey/list-user-passkeys")).body).toEqual([]);
  });

  test("offers sign-in options to anyone, with a fresh challenge each time", async () => {
    const first = await new Client(server.url).get("/api/auth/passkey/generate-authenticate-options");
    const second = await new Client(server.url).get("/api/auth/passkey/generate-authenticate-options");
    expect(first.status).toBe(200);
    expect(first.body.challenge).not.toBe(second.body.challenge);
  });
});
