// NODE_ENV=production: mail goes through Resend's HTTP API (here a local stand-in that records what
// it gets), the dev mailbox is gone, and configured social providers build real authorization URLs.
import { afterAll, beforeAll, describe, expect, spyOn, test } from "bun:test";
import { Client } from "./support/client";
import { startServer, type TestServer } from "./support/server";

const BETTER_AUTH_URL = "http://localhost:3000";
const SETTINGS: Record<string, string> = {
  NODE_ENV: "production",
  BETTER_AUTH_SECRET: "a-production-like-secret-of-more-than-32-characters",
  BETTER_AUTH_URL,
  RESEND_API_KEY: "re_test_key",
  MAIL_FROM: "Acme <no-reply@acme.test>",
  GITHUB_CLIENT_ID: "gh-client-id",
  GITHUB_CLIENT_SECRET: "gh-client-secret",
  GOOGLE_CLIENT_ID: "google-client-id.apps.googleusercontent.com",
  GOOGLE_CLIENT_SECRET: "google-client-secret",
  REQUIRE_EMAIL_VERIFICATION: "true",
  // Every test client connects from 127.0.0.1: as behind a proxy, each one is told apart by its X-Forwarded-For,
  // so the rate limits (on in production) count each client on its own.
  TRUSTED_PROXIES: "127.0.0.1,::1",
};

type Received = { path: string; authorization: string | null; body: any };
const resend = { received: [] as Received[], status: 200 };
const standIn = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(request) {
    resend.received.push({ path: new URL(request.url).pathname, authorization: request.headers.get("authorization"), body: await request.json() });
    return Response.json({ id: "stand-in" }, { status: resend.status });
  },
});

const saved = { ...process.env };
let server: TestServer;
const errors = spyOn(console, "error");

beforeAll(() => {
  Object.assign(process.env, SETTINGS, { RESEND_API_URL: `http://127.0.0.1:${standIn.port}/emails` });
  server = startServer();
});
afterAll(async () => {
  await server.stop();
  standIn.stop(true);
  for (const name of [...Object.keys(SETTINGS), "RESEND_API_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  errors.mockRestore();
});

// In production only BETTER_AUTH_URL is a trusted origin: act as a page served from it, each client from an address of its own.
let clients = 0;
const client = () => new Client(server.url, BETTER_AUTH_URL, { "x-forwarded-for": `198.51.100.${++clients}` });
const uniqueEmail = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;

async function until<T>(check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = check();
    if (value) return value;
    await Bun.sleep(20);
  }
  throw new Error("timed out");
}

describe("mail in production", () => {
  test("sends through Resend's API: bearer key, from, to, subject, html and text; links on BETTER_AUTH_URL", async () => {
    const email = uniqueEmail("prod");
    expect((await client().post("/api/auth/sign-up/email", { email, password: "prod password", name: "Prod" })).status).toBe(200);
    const sent = await until(() => resend.received.find((r) => r.body.to?.[0] === email));
    expect(sent.path).toBe("/emails");
    expect(sent.authorization).toBe("Bearer re_test_key");
    expect(sent.body).toMatchObject({ from: "Acme <no-reply@acme.test>", to: [email], subject: "Verify your email address" });
    expect(sent.body.text).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
    expect(sent.body.html).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
  });

  test("logs a send that Resend refuses, and the request still succeeds", async () => {
    const email = uniqueEmail("refused");
    await client().post("/api/auth/sign-up/email", { email, password: "refused password", name: "Refused" });
    await until(() => resend.received.find((r) => r.body.to?.[0] === email));
    resend.status = 500;
    try {
      expect((await client().post("/api/auth/request-password-reset", { email })).status).toBe(200);
      const logged = await until(() => errors.mock.calls.find((call) => String(call[0]).includes(`sending to ${email}`)));
      expect(String(logged[0])).toContain("Resend answered 500");
    } finally {
      resend.status = 200;
    }
  });

  test("has no dev mailbox", async () => {
    expect((await fetch(`${server.url}/api/dev/mail`)).status).toBe(404);
  });
});

describe("REQUIRE_EMAIL_VERIFICATION=true", () => {
  test("refuses sign-in until the address is verified", async () => {
    const email = uniqueEmail("unverified");
    await client().post("/api/auth/sign-up/email", { email, password: "unverified password", name: "Unverified" });
    const signIn = await client().post("/api/auth/sign-in/email", { email, password: "unverified password" });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe("EMAIL_NOT_VERIFIED");
  });
});

describe("social sign-in with credentials", () => {
  test.each([
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
