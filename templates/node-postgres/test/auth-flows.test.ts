// The mail-driven flows over HTTP on a real socket: verification, password reset, invitations, and
// the cross-origin rules for a separate front end. Mail lands in the dev mailbox (NODE_ENV=test).
import { describe, expect, it, vi } from "vitest";

const FRONT_END = "http://localhost:5173";
vi.hoisted(() => {
  process.env.TRUSTED_ORIGINS = "http://localhost:5173";
});

import { auth } from "../src/auth.ts";
import { Client, createActiveOrganization, PASSWORD, signUp, uniqueEmail } from "./helpers/client.ts";
import { follow, mailTo } from "./helpers/mail.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

describe("email verification", () => {
  it("mails a link on sign-up that verifies the address and signs the person in", async () => {
    const { email } = await signUp(new Client(server), "verify");
    const [mail] = await mailTo(server, email);
    expect(mail).toMatchObject({ subject: "Verify your email address" });
    expect(mail!.text).toContain(mail!.links[0]);
    expect(mail!.html).toContain("Verify email");
    expect(mail!.links[0]!.startsWith(`${server.origin}/api/auth/verify-email?token=`)).toBe(true);

    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const session = await new Client(server).get("/api/auth/get-session", { cookie: visit.cookie });
    expect(session.body.user).toMatchObject({ email, emailVerified: true });
  });

  it("sends another link on request, and does not block sign-in before verifying", async () => {
    const client = new Client(server);
    const { email } = await signUp(client, "resend");
    const resent = await new Client(server).post("/api/auth/send-verification-email", { email });
    expect(resent.status).toBe(200);
    expect(await mailTo(server, email)).toHaveLength(2);
    const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(200);
  });
});

describe("password reset", () => {
  it("mails a one-time link to the reset page; the new password works and the old one no longer does", async () => {
    const { email } = await signUp(new Client(server), "reset");
    const anonymous = new Client(server);
    expect((await anonymous.post("/api/auth/request-password-reset", { email })).status).toBe(200);
    const mail = (await mailTo(server, email)).find((m) => m.subject === "Reset your password");
    expect(mail, "a reset mail").toBeDefined();

    // Without redirectTo the link still ends on the reset page, carrying the token.
    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const target = new URL(visit.location!, server.origin);
    expect(target.pathname).toBe("/reset-password");
    const token = target.searchParams.get("token")!;

    const newPassword = "a whole new password";
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword })).status).toBe(200);
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword: "yet another one!" })).status).toBe(400);
    expect((await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(401);
    expect((await new Client(server).post("/api/auth/sign-in/email", { email, password: newPassword })).status).toBe(200);
  });

  it("answers an unknown address the same way and mails nothing", async () => {
    const email = uniqueEmail("nobody");
    const reply = await new Client(server).post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(reply.status).toBe(200);
    expect(await mailTo(server, email)).toEqual([]);
  });
});

describe("invitations", () => {
  it("mails the invitee a link naming the organization and the inviter; accepting makes them a member", async () => {
    const owner = new Client(server);
    await signUp(owner, "Owner");
    const organizationId = await createActiveOrganization(owner, "Acme Rockets");
    const inviteeEmail = uniqueEmail("invitee");
    const invited = await owner.post("/api/auth/organization/invite-member", { email: inviteeEmail, role: "member" });
    expect(invited.status).toBe(200);

    const [mail] = await mailTo(server, inviteeEmail);
    expect(mail!.subject).toBe("Owner invited you to Acme Rockets");
    expect(mail!.text).toContain("Acme Rockets");
    expect(mail!.links).toEqual([`${server.origin}/accept-invitation/${invited.body.id}`]);

    const invitee = new Client(server);
    const signedUp = await invitee.post("/api/auth/sign-up/email", { email: inviteeEmail, password: PASSWORD, name: "Invitee" });
    expect(signedUp.status).toBe(200);
    const invitationId = mail!.links[0]!.split("/").at(-1);
    expect((await invitee.post("/api/auth/organization/accept-invitation", { invitationId })).status).toBe(200);
    const members = await owner.get(`/api/auth/organization/list-members?organizationId=${organizationId}`);
    expect(members.body.members.map((m: { user: { email: string } }) => m.user.email)).toContain(inviteeEmail);
  });
});

describe("social sign-in without credentials", () => {
  it("has no providers, and a sign-in with one answers 404 PROVIDER_NOT_FOUND", async () => {
    expect(Object.keys(auth.options.socialProviders ?? {})).toEqual([]);
    const reply = await new Client(server).post("/api/auth/sign-in/social", { provider: "github" });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe("PROVIDER_NOT_FOUND");
  });
});

describe("a separate front end (TRUSTED_ORIGINS)", () => {
  const preflight = (origin: string) =>
    fetch(`${server.origin}/api/auth/sign-in/email`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });

  it("grants nothing to a request without Origin, and says that every answer varies with it", async () => {
    const ok = (headers: Record<string, string>) => fetch(`${server.origin}/api/auth/ok`, { headers });
    const plain = await ok({});
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    expect(plain.headers.get("access-control-allow-credentials")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Origin");
    const granted = await ok({ origin: FRONT_END });
    expect(granted.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(granted.headers.get("vary")).toBe("Origin");
  });

  it("grants a trusted origin CORS with credentials, and signs in from it", async () => {
    const answer = await preflight(FRONT_END);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(answer.headers.get("access-control-allow-credentials")).toBe("true");

    const { email } = await signUp(new Client(server), "cors");
    const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD }, { origin: FRONT_END });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  });

  it("gives any other origin no grant and refuses its sign-in and cookie-carrying posts with 403", async () => {
    const evil = "http://evil.example";
    expect((await preflight(evil)).headers.get("access-control-allow-origin")).toBeNull();

    const victim = new Client(server);
    const { email } = await signUp(victim, "victim");
    const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD }, { origin: evil });
    expect(signIn.status).toBe(403);
    const forged = await victim.post("/api/auth/organization/create", { name: "Forged", slug: `forged-${Date.now()}` }, { origin: evil });
    expect(forged.status).toBe(403);
  });
});
