// NODE_ENV=production: mail goes through Resend's HTTP API (here a local stand-in that records what
// it gets), the dev mailbox is gone, and configured social providers build real authorization URLs.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Client, PASSWORD, uniqueEmail } from "./helpers/client.ts";

const BETTER_AUTH_URL = "http://localhost:3000";
type Received = { url: string; headers: IncomingHttpHeaders; body: any };

// The stand-in for api.resend.com: answers `status` and records every request.
const resend = { received: [] as Received[], status: 200, origin: "" };
const standIn = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    resend.received.push({ url: request.url!, headers: request.headers, body: JSON.parse(body) });
    response.writeHead(resend.status, { "content-type": "application/json" }).end(JSON.stringify({ id: "stand-in" }));
  });
});

const server = { origin: "" };
let close = () => {};
const errors = vi.spyOn(console, "error");

beforeAll(async () => {
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: "a-production-like-secret-of-more-than-32-characters",
    BETTER_AUTH_URL,
    RESEND_API_KEY: "re_test_key",
    MAIL_FROM: "Acme <no-reply@acme.test>",
    RESEND_API_URL: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/emails`,
    GITHUB_CLIENT_ID: "gh-client-id",
    GITHUB_CLIENT_SECRET: "gh-client-secret",
    GOOGLE_CLIENT_ID: "google-client-id.apps.googleusercontent.com",
    GOOGLE_CLIENT_SECRET: "google-client-secret",
    REQUIRE_EMAIL_VERIFICATION: "true",
  });
  // Imported only now, so the app reads the settings above.
  const { app } = await import("../src/app.ts");
  await new Promise<void>((resolve) => {
    const http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      server.origin = `http://127.0.0.1:${info.port}`;
      resolve();
    });
    close = () => http.close();
  });
});

afterAll(() => {
  close();
  standIn.close();
});

// In production only BETTER_AUTH_URL is a trusted origin: act as a page served from it.
const client = () => new Client(server);
const fromApp = { origin: BETTER_AUTH_URL };

async function until<T>(check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("timed out");
}

describe("mail in production", () => {
  it("sends through Resend's API: bearer key, from, to, subject, html and text; links on BETTER_AUTH_URL", async () => {
    const email = uniqueEmail("prod");
    const reply = await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Prod" }, fromApp);
    expect(reply.status).toBe(200);
    const sent = await until(() => resend.received.find((r) => r.body.to?.[0] === email));
    expect(sent.url).toBe("/emails");
    expect(sent.headers.authorization).toBe("Bearer re_test_key");
    expect(sent.body).toMatchObject({ from: "Acme <no-reply@acme.test>", to: [email], subject: "Verify your email address" });
    expect(sent.body.text).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
    expect(sent.body.html).toContain(`${BETTER_AUTH_URL}/api/auth/verify-email?token=`);
  });

  it("logs a send that Resend refuses, and the request still succeeds", async () => {
    const email = uniqueEmail("refused");
    await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Refused" }, fromApp);
    await until(() => resend.received.find((r) => r.body.to?.[0] === email));
    resend.status = 500;
    try {
      const reply = await client().post("/api/auth/request-password-reset", { email }, fromApp);
      expect(reply.status).toBe(200);
      const logged = await until(() => errors.mock.calls.find((call) => String(call[0]).includes(`sending to ${email}`)));
      expect(String(logged[0])).toContain("Resend answered 500");
    } finally {
      resend.status = 200;
    }
  });

  it("has no dev mailbox", async () => {
    expect((await client().get("/api/dev/mail")).status).toBe(404);
  });
});

describe("REQUIRE_EMAIL_VERIFICATION=true", () => {
  it("refuses sign-in until the address is verified", async () => {
    const email = uniqueEmail("unverified");
    await client().post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Unverified" }, fromApp);
    const signIn = await client().post("/api/auth/sign-in/email", { email, password: PASSWORD }, fromApp);
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe("EMAIL_NOT_VERIFIED");
  });
});

describe("social sign-in with credentials", () => {
  it.each([
    ["github", "gh-client-id", "https://github.com/login/oauth/authorize"],
    ["google", "google-client-id.apps.googleusercontent.com", "https://accounts.google.com/"],
  ])("%s: the authorization URL carries the client id and the callback URL", async (provider, clientId, authorize) => {
    const reply = await client().post("/api/auth/sign-in/social", { provider, callbackURL: "/" }, fromApp);
    expect(reply.status).toBe(200);
    const url = new URL(reply.body.url);
    expect(url.href.startsWith(authorize)).toBe(true);
    expect(url.searchParams.get("client_id")).toBe(clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(`${BETTER_AUTH_URL}/api/auth/callback/${provider}`);
  });
});
