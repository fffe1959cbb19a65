// The two-factor plugin over HTTP: turned on with the password and confirmed with a code computed from
// the secret it shows, then asked for at sign-in (a backup code works once), and turned off again.
import { URI } from "otpauth";
import { describe, expect, it } from "vitest";
import { Client, PASSWORD, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();
const codeFrom = (totpURI: string) => URI.parse(totpURI).generate();

async function withTwoFactor() {
  const client = new Client(server);
  const { email } = await signUp(client, "two-factor");
  const enabled = await client.post("/api/auth/two-factor/enable", { password: PASSWORD });
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = enabled.body as { totpURI: string; backupCodes: string[] };
  expect(backupCodes).toHaveLength(10);
  expect((await client.post("/api/auth/two-factor/verify-totp", { code: codeFrom(totpURI) })).status).toBe(200);
  return { client, email, totpURI, backupCodes };
}

describe("two-factor", () => {
  it("is on only once a code from the shown secret confirms it", async () => {
    const client = new Client(server);
    const { email } = await signUp(client, "unconfirmed");
    expect((await client.post("/api/auth/two-factor/enable", { password: "not the password" })).status).toBe(400);
    const enabled = await client.post("/api/auth/two-factor/enable", { password: PASSWORD });
    expect(URI.parse(enabled.body.totpURI).issuer).toBeTruthy();
    // Not confirmed yet: signing in still needs the password only.
    const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.body.twoFactorRedirect).toBeUndefined();
    expect(signIn.body.user.email).toBe(email);
  });

  it("asks for a code after the password, and signs in only with a right one", async () => {
    const { email, totpURI } = await withTwoFactor();
    const browser = new Client(server);
    const signIn = await browser.post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.body).toMatchObject({ twoFactorRedirect: true });
    expect((await browser.get("/api/auth/get-session")).body).toBeNull();

    expect((await browser.post("/api/auth/two-factor/verify-totp", { code: "000000" })).status).toBe(401);
    expect((await browser.post("/api/auth/two-factor/verify-totp", { code: codeFrom(totpURI) })).status).toBe(200);
    expect((await browser.get("/api/auth/get-session")).body.user).toMatchObject({ email, twoFactorEnabled: true });
  });

  it("takes a backup code instead of a code, once", async () => {
    const { email, backupCodes } = await withTwoFactor();
    const first = new Client(server);
    await first.post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect((await first.post("/api/auth/two-factor/verify-backup-code", { code: backupCodes[0] })).status).toBe(200);
    expect((await first.get("/api/auth/get-session")).body.user.email).toBe(email);

    const again = new Client(server);
    await again.post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect((await again.post("/api/auth/two-factor/verify-backup-code", { code: backupCodes[0] })).status).toBe(401);
    expect((await again.get("/api/auth/get-session")).body).toBeNull();
  });

  it("is turned off with the password, after which the password alone signs in", async () => {
    const { client, email } = await withTwoFactor();
    expect((await client.post("/api/auth/two-factor/disable", { password: "not the password" })).status).toBe(400);
    expect((await client.post("/api/auth/two-factor/disable", { password: PASSWORD })).status).toBe(200);
    const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.body.user).toMatchObject({ email, twoFactorEnabled: false });
  });
});
