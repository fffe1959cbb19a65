// The mail-driven flows through the Worker: verification, password reset, invitations, the dev
// mailbox's rules, and the cross-origin rules for a separate front end. ENVIRONMENT=test: mail lands
// in the dev mailbox.
import { describe, expect, it } from "vitest";
import { Client, ORIGIN, PASSWORD, uniqueEmail } from "./client.ts";
import { mailTo, workerWith } from "./worker.ts";

const FRONT_END = "http://localhost:5173";
const worker = workerWith({ TRUSTED_ORIGINS: FRONT_END });
const client = () => new Client(worker);

/** Follows a mail link by hand, to see its redirect and the cookie it sets. */
async function follow(link: string) {
  const response = await worker(new Request(link, { redirect: "manual" }));
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { status: response.status, location: response.headers.get("location"), cookie };
}

async function signUp(label: string) {
  const user = client();
  const email = uniqueEmail(label);
  const reply = await user.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: label });
  expect(reply.status).toBe(200);
  return { user, email };
}

describe("email verification", () => {
  it("mails a link on sign-up that verifies the address and signs the person in", async () => {
    const { email } = await signUp("verify");
    const [mail] = await mailTo(worker, email);
    expect(mail?.subject).toBe("Verify your email address");
    expect(mail!.text).toContain(mail!.links[0]);
    expect(mail!.links[0]!.startsWith(`${ORIGIN}/api/auth/verify-email?token=`)).toBe(true);

    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const session = await client().request("/api/auth/get-session", { headers: { cookie: visit.cookie } });
    expect(session.body.user).toMatchObject({ email, emailVerified: true });
  });

  it("sends another link on request, and does not block sign-in before verifying", async () => {
    const { email } = await signUp("resend");
    expect((await client().post("/api/auth/send-verification-email", { email })).status).toBe(200);
    expect(await mailTo(worker, email)).toHaveLength(2);
    expect((await client().post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
  });
});

describe("password reset", () => {
  it("mails a one-time link to the reset page; the new password works and the old one no longer does", async () => {
    const { email } = await signUp("reset");
    const anonymous = client();
    expect((await anonymous.post("/api/auth/request-password-reset", { email })).status).toBe(200);
    const mail = (await mailTo(worker, email)).find((m) => m.subject === "Reset your password");
    expect(mail).toBeDefined();

    const visit = await follow(mail!.links[0]!);
    expect(visit.status).toBe(302);
    const target = new URL(visit.location!, ORIGIN);
    expect(target.pathname).toBe("/reset-password");
    const token = target.searchParams.get("token")!;

    const newPassword = "a whole new password";
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword })).status).toBe(200);
    expect((await anonymous.post("/api/auth/reset-password", { token, newPassword: "yet another one!" })).status).toBe(400);
    expect((await client().post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(401);
    expect((await client().post("/api/auth/sign-in/email", { email, password: newPassword })).status).toBe(200);
  });

  it("answers an unknown address the same way and mails nothing", async () => {
    const email = uniqueEmail("nobody");
    const reply = await client().post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(reply.status).toBe(200);
    expect(await mailTo(worker, email)).toEqual([]);
  });
});

describe("invitations", () => {
  it("mails the invitee a link naming the organization and the inviter; accepting makes them a member", async () => {
    const owner = new Client(worker);
    const ownerEmail = uniqueEmail("owner");
    await owner.post("/api/auth/sign-up/email", { email: ownerEmail, password: PASSWORD, name: "Owner" });
    const created = await owner.post("/api/auth/organization/create", { name: "Acme Rockets", slug: `acme-${crypto.randomUUID()}` });
    expect(created.status).toBe(200);
    const inviteeEmail = uniqueEmail("invitee");
    const invited = await owner.post("/api/auth/organization/invite-member", { email: inviteeEmail, role: "member" });
    expect(invited.status).toBe(200);

    const [mail] = await mailTo(worker, inviteeEmail);
    expect(mail?.subject).toBe("Owner invited you to Acme Rockets");
    expect(mail!.links).toEqual([`${ORIGIN}/accept-invitation/${invited.body.id}`]);

    const invitee = client();
    expect((await invitee.post("/api/auth/sign-up/email", { email: inviteeEmail, password: PASSWORD, name: "Invitee" })).status).toBe(200);
    const invitationId = mail!.links[0]!.split("/").at(-1);
    expect((await invitee.post("/api/auth/organization/accept-invitation", { invitationId })).status).toBe(200);
    const members = await owner.get(`/api/auth/organization/list-members?organizationId=${created.body.id}`);
    expect(members.body.members.map((m: { user: { email: string } }) => m.user.email)).toContain(inviteeEmail);
  });
});

describe("the dev mailbox", () => {
  it("answers only a client on this machine, by the address the runtime gives", async () => {
    const ask = (address?: string) =>
      workerWith()(new Request(`${ORIGIN}/api/dev/mail`, { headers: address ? { "cf-connecting-ip": address } : {} }));
    expect((await ask("127.0.0.1")).status).toBe(200);
    expect((await ask("::1")).status).toBe(200);
    expect((await ask("203.0.113.9")).status).toBe(404);
    // Without the workerWith helper no address arrives at all (as through SELF): not loopback.
    expect((await new Client().get("/api/dev/mail")).status).toBe(404);
  });
});

describe("social sign-in without credentials", () => {
  it("has no providers, and a sign-in with one answers 404 PROVIDER_NOT_FOUND", async () => {
    const reply = await client().post("/api/auth/sign-in/social", { provider: "github" });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe("PROVIDER_NOT_FOUND");
  });
});

describe("a separate front end (TRUSTED_ORIGINS)", () => {
  const preflight = (origin: string) =>
    worker(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      }),
    );

  it("grants nothing to a request without Origin, and says that every answer varies with it", async () => {
    const ok = (headers: Record<string, string>) => worker(new Request(`${ORIGIN}/api/auth/ok`, { headers }));
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
    const { email } = await signUp("cors");
    const signIn = await client().request("/api/auth/sign-in/email", { body: { email, password: PASSWORD }, headers: { origin: FRONT_END } });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  });

  it("gives any other origin no grant and refuses its sign-in and cookie-carrying posts with 403", async () => {
    const evil = "http://evil.example";
    expect((await preflight(evil)).headers.get("access-control-allow-origin")).toBeNull();
    const { user, email } = await signUp("victim");
    expect((await client().request("/api/auth/sign-in/email", { body: { email, password: PASSWORD }, headers: { origin: evil } })).status).toBe(403);
    const forged = await user.request("/api/auth/organization/create", { body: { name: "Forged", slug: `forged-${Date.now()}` }, headers: { origin: evil } });
    expect(forged.status).toBe(403);
  });

  it("names a malformed entry: every request but the health check answers 500 saying which", async () => {
    const broken = workerWith({ TRUSTED_ORIGINS: "http://localhost:5173,localhost:8080" });
    const reply = await broken(new Request(`${ORIGIN}/api/auth/get-session`));
    expect(reply.status).toBe(500);
    expect(((await reply.json()) as { error: string }).error).toContain('TRUSTED_ORIGINS has a malformed entry "localhost:8080"');
  });
});
