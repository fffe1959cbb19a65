// The two-factor plugin over HTTP: turned on with the password and confirmed with a code computed from
// the secret it shows, then asked for at sign-in (a backup code works once), and turned off again.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { URI } from "otpauth";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.stop());

const codeFrom = (totpURI: string) => URI.parse(totpURI).generate();

async function withTwoFactor() {
  const account = await signUp(server.url, "Two Factor");
  const enabled = await account.client.post("/api/auth/two-factor/enable", { password: account.password });
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = enabled.body as { totpURI: string; backupCodes: string[] };
  expect(backupCodes).toHaveLength(10);
  expect((await account.client.post("/api/auth/two-factor/verify-totp", { code: codeFrom(totpURI) })).status).toBe(200);
  return { ...account, totpURI, backupCodes };
}

describe("two-factor", () => {
  test("is on only once a code from the shown secret confirms it", async () => {
    const { client, email, password } = await signUp(server.url, "Unconfirmed");
    expect((await client.post("/api/auth/two-factor/enable", { password: "not the password" })).status).toBe(400);
    const enabled = await client.post("/api/auth/two-factor/enable", { password });
    expect(URI.parse(enabled.body.totpURI).issuer).toBeTruthy();
    // Not confirmed yet: signing in still needs the password only.
    const signIn = await new Client(server.url).post("/api/auth/sign-in/email", { email, password });
    expect(signIn.body.twoFactorRedirect).toBeUndefined();
    expect(signIn.body.user.email).toBe(email);
  });

  test("asks for a code after the password, and signs in only with a right one", async () => {
    const { email, password, totpURI } = await withTwoFactor();
    const browser = new Client(server.url);
    const signIn = await browser.post("/api/auth/sign-in/email", { email, password });
    expect(signIn.body).toMatchObject({ twoFactorRedirect: true });
    expect((await browser.get("/api/auth/get-session")).body).toBeNull();

    expect((await browser.post("/api/auth/two-factor/verify-totp", { code: "000000" })).status).toBe(401);
    expect((await browser.post("/api/auth/two-factor/verify-totp", { code: codeFrom(totpURI) })).status).toBe(200);
    expect((await browser.get("/api/auth/get-session")).body.user).toMatchObject({ email, twoFactorEnabled: true });
  });

  test("takes a backup code instead of a code, once", async () => {
    const { email, password, backupCodes } = await withTwoFactor();
    const first = new Client(server.url);
    await first.post("/api/auth/sign-in/email", { email, password });
    expect((await first.post("/api/auth/two-factor/verify-backup-code", { code: backupCodes[0] })).status).toBe(200);
    expect((await first.get("/api/auth/get-session")).body.user.email).toBe(email);

    const again = new Client(server.url);
    await again.post("/api/auth/sign-in/email", { email, password });
    expect((await again.post("/api/auth/two-factor/verify-backup-code", { code: backupCodes[0] })).status).toBe(401);
    expect((await again.get("/api/auth/get-session")).body).toBeNull();
  });

  test("is turned off with the password, after which the password alone signs in", async () => {
    const { client, email, password } = await withTwoFactor();
    expect((await client.post("/api/auth/two-factor/disable", { password: "not the password" })).status).toBe(400);
    expect((await client.post("/api/auth/two-factor/disable", { password })).status).toBe(200);
    const signIn = await new Client(server.url).post("/api/auth/sign-in/email", { email, password });
    expect(signIn.body.user).toMatchObject({ email, twoFactorEnabled: false });
  });
});
