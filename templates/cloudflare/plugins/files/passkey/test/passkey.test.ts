// The passkey plugin through the Worker: registration options for a signed-in person only, bound to
// this app's host name (the relying party). Registering and signing in with one runs in a browser.
import { describe, expect, it } from "vitest";
import { Client, ORIGIN, signedUpUser } from "./client.ts";

describe("passkeys", () => {
  it("offers registration options to a signed-in person, for this host, excluding nobody yet", async () => {
    expect((await new Client().get("/api/auth/passkey/generate-register-options")).status).toBe(401);
    const { client, email } = await signedUpUser("passkey");
    const options = await client.get("/api/auth/passkey/generate-register-options");
    expect(options.status).toBe(200);
    expect(options.body.rp).toMatchObject({ id: new URL(ORIGIN).hostname });
    expect(options.body.user).toMatchObject({ name: email });
    expect(options.body.challenge).toEqual(expect.any(String));
    expect((await client.get("/api/auth/passkey/list-user-passkeys")).body).toEqual([]);
  });

  it("offers sign-in options to anyone, with a fresh challenge each time", async () => {
    const first = await new Client().get("/api/auth/passkey/generate-authenticate-options");
    const second = await new Client().get("/api/auth/passkey/generate-authenticate-options");
    expect(first.status).toBe(200);
    expect(first.body.challenge).not.toBe(second.body.challenge);
  });
});
