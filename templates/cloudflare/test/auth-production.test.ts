// ENVIRONMENT=production: mail goes through Resend's HTTP API (a local stand-in, test/resend-stand-in.ts)
// after the response with waitUntil, the dev mailbox is gone, and configured social providers build
// real authorization URLs.
import { inject, describe, expect, it, vi } from "vitest";
import { Client, PASSWORD, uniqueEmail } from "./client.ts";
import { workerWith } from "./worker.ts";

const BETTER_AUTH_URL = "http://localhost:8787";
const standIn = inject("resendStandIn");
const worker = workerWith({
  ENVIRONMENT: "production",
  BETTER_AUTH_URL,
  RESEND_API_KEY: "re_test_key",
  MAIL_FROM: "Acme <no-reply@acme.test>",
  RESEND_API_URL: `${standIn}/emails`,
  GITHUB_CLIENT_ID: "gh-client-id",
  GITHUB_CLIENT_SECRET: "gh-client-secret",
  GOOGLE_CLIENT_ID: "google-client-id.apps.googleusercontent.com",
  GOOGLE_CLIENT_SECRET: "google-client-secret",
  REQUIRE_EMAIL_VERIFICATION: "true",
});
const client = () => new Client(worker);

type Received = { path: string; authorization: string | null; body: { from: string; to: string[]; subject: string; html: string; text: string } };
const received = async () => (await (await fetch(`${standIn}/received`)).json()) as Received[];

describe("mail in production", () => {
  it("sends through Resend's API after the response: bearer key, from, to, subject, html and text; links on BETTER_AUTH_URL", async () => {
    const email = uniqueEmail("prod");
    expect((await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Prod" })).status).toBe(200);
    // workerWith awaited the execution context's waitUntil work, so the mail is there now.
    const sent = (await received()).find((r) => r.body.to[0] === email);
    expect(sent?.path).toBe("/emails");
    expect(sent?.authorization).toBe("Bearer re_test_key");
    expect(sent?.body).toMatchObject({ from: "Acme <no-reply@acme.test>", to: [email], subject: "Verify your email address" });
    expect(sent?.body.text).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
    expect(sent?.body.html).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
  });

  it("logs a send that Resend refuses, and the request still succeeds", async () => {
    const errors = vi.spyOn(console, "error");
    const email = uniqueEmail("refused");
    expect((await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Refused" })).status).toBe(200);
    expect((await client().post("/api/auth/request-password-reset", { email })).status).toBe(200);
    const logged = errors.mock.calls.map((call) => String(call[0])).filter((line) => line.includes(`sending to ${email}`));
    expect(logged).toHaveLength(2);
    expect(logged[1]).toContain("Resend answered 500");
    errors.mockRestore();
  });

  it("has no dev mailbox, even for a client on this machine", async () => {
    expect((await worker(new Request(`${BETTER_AUTH_URL}/api/dev/mail`))).status).toBe(404);
  });
});

describe("REQUIRE_EMAIL_VERIFICATION=true", () => {
  it("refuses sign-in until the address is verified", async () => {
    const email = uniqueEmail("unverified");
    await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Unverified" });
    const signIn = await client().post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe("EMAIL_NOT_VERIFIED");
  });
});

describe("social sign-in with credentials", () => {
  it.each([
    ["github", "gh-client-id", "https://github.com/login/oauth/authorize"],
    ["google", "google-client-id.apps.googleusercontent.com", "https://accounts.google.com/"],
  ])("%s: the authorization URL carries the client id and the callback URL", async (provider, clientId, authorize) => {
    const reply = await client().post("/api/auth/sign-in/social", { provider, callbackURL: "/" });
    expect(reply.status).toBe(200);
    const url = new URL(reply.body.url);
    expect(url.href.startsWith(authorize)).toBe(true);
    expect(url.searchParams.get("client_id")).toBe(clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${BETTER_AUTH_URL}/api/auth/callback/${provider}`);
  });
});
