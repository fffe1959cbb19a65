// The mail-driven flows over HTTP on a real socket: verification, password reset, invitations, and
// the cross-origin rules for a separate front end. Mail lands in the dev mailbox (NODE_ENV=test).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "./support/client";
import { createActiveOrganization, signUp } from "./support/flows";
import { follow, mailTo } from "./support/mail";
import { startServer, type TestServer } from "./support/server";

const FRONT_END = "http://localhost:5173";
let server: TestServer;
beforeAll(() => {
  process.env.TRUSTED_ORIGINS = FRONT_END;
  server = startServer();
});
afterAll(async () => {
  delete process.env.TRUSTED_ORIGINS;
  await server.stop();
});

const uniqueEmail = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;

describe("email verification", () => {
  test("mails a link on sign-up that verifies the address and signs the person in", async () => {
    const { email } = await signUp(server.url, "Verify");
    const [mail] = await mailTo(server.url, email);
    expect(mail?.subject).toBe("Verify your email address");
    expect(mail!.text).toContain(mail!.links[0]!);
    expect(mail!.links[0]!.startsWith(`${server.url}/api/auth/verify-email?token=`)).toBe(true);

    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const session = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie: visit.cookie } });
    expect(((await session.json()) as { user: unknown }).user).toMatchObject({ email, emailVerified: true });
  });

  test("sends another link on request, and does not block sign-in before verifying", async () => {
    const { email, password } = await signUp(server.url, "Resend");
    expect((await new Client(server.url).post("/api/auth/send-verification-email", { email })).status).toBe(200);
    expect(await mailTo(server.url, email)).toHaveLength(2);
    expect((await new Client(server.url).post("/api/auth/sign-in/email", { email, password })).status).toBe(200);
  });
});

describe("password reset", () => {
  test("mails a one-time link to the reset page; the new password works and the old one no longer does", async () => {
    const { email, password } = await signUp(server.url, "Reset");
    const anonymous = new Client(server.url);
    expect((await anonymous.post("/api/auth/request-password-reset", { email })).status).toBe(200);
    const mail = (await mailTo(server.url, email)).find((m) => m.subject === "Reset your password");
    expect(mail).toBeDefined();

    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const target = new URL(visit.location!, server.url);
    expect(target.pathname).toBe("/reset-password");
    const token = target.searchParams.get("token")!;

    const newPassword = "a whole new password";
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword })).status).toBe(200);
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword: "yet another one!" })).status).toBe(400);
    expect((await new Client(server.url).post("/api/auth/sign-in/email", { email, password })).status).toBe(401);
    expect((await new Client(server.url).post("/api/auth/sign-in/email", { email, password: newPassword })).status).toBe(200);
  });

  test("answers an unknown address the same way and mails nothing", async () => {
    const email = uniqueEmail("nobody");
    const reply = await new Client(server.url).post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(reply.status).toBe(200);
    expect(await mailTo(server.url, email)).toEqual([]);
  });
});

describe("invitations", () => {
  test("mails the invitee a link naming the organization and the inviter; accepting makes them a member", async () => {
    const owner = await signUp(server.url, "Owner");
    const organization = await createActiveOrganization(owner.client, "Acme Rockets");
    const inviteeEmail = uniqueEmail("invitee");
    const invited = await owner.client.post("/api/auth/organization/invite-member", { email: inviteeEmail, role: "member" });
    expect(invited.status).toBe(200);

    const [mail] = await mailTo(server.url, inviteeEmail);
    expect(mail?.subject).toBe("Owner invited you to Acme Rockets");
    expect(mail!.links).toEqual([`${server.url}/accept-invitation/${invited.body.id}`]);

    const invitee = new Client(server.url);
    expect((await invitee.post("/api/auth/sign-up/email", { email: inviteeEmail, password: "invitee password", name: "Invitee" })).status).toBe(200);
    const invitationId = mail!.links[0]!.split("/").at(-1);
    expect((await invitee.post("/api/auth/organization/accept-invitation", { invitationId })).status).toBe(200);
    const members = await owner.client.get(`/api/auth/organization/list-members?organizationId=${organization.id}`);
    expect(members.body.members.map((m: { user: { email: string } }) => m.user.email)).toContain(inviteeEmail);
  });
});

describe("social sign-in without credentials", () => {
  test("has no providers, and a sign-in with one answers 404 PROVIDER_NOT_FOUND", async () => {
    expect(Object.keys(server.auth.options.socialProviders ?? {})).toEqual([]);
    const reply = await new Client(server.url).post("/api/auth/sign-in/social", { provider: "github" });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe("PROVIDER_NOT_FOUND");
  });
});

describe("a separate front end (TRUSTED_ORIGINS)", () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  test("grants nothing to a request without Origin, and says that every answer varies with it", async () => {
    const ok = (headers: Record<string, string>) => fetch(`${server.url}/api/auth/ok`, { headers });
    const plain = await ok({});
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    expect(plain.headers.get("access-control-allow-credentials")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Origin");
    const granted = await ok({ origin: FRONT_END });
    expect(granted.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(granted.headers.get("vary")).toBe("Origin");
  });

  test("grants a trusted origin CORS with credentials, and signs in from it", async () => {
    const answer = await preflight(FRONT_END);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
    const { email, password } = await signUp(server.url, "Cors");
    const signIn = await new Client(server.url, FRONT_END).post("/api/auth/sign-in/email", { email, password });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  });

  test("gives any other origin no grant and refuses its sign-in and cookie-carrying posts with 403", async () => {
    const evil = "http://evil.example";
    expect((await preflight(evil)).headers.get("access-control-allow-origin")).toBeNull();
    const { email, password, client } = await signUp(server.url, "Victim");
    expect((await new Client(server.url, evil).post("/api/auth/sign-in/email", { email, password })).status).toBe(403);
    const cookie = (await client.post("/api/auth/sign-in/email", { email, password })).headers.getSetCookie()[0]!.split(";")[0]!;
    const forged = await fetch(`${server.url}/api/auth/organization/create`, {
      method: "POST",
      headers: { origin: evil, cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "Forged", slug: `forged-${Date.now()}` }),
    });
    expect(forged.status).toBe(403);
  });
});
