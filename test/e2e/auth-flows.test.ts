// CONTRACT §5 on each template's real `dev` server, over HTTP, in a project made by the packed CLI:
// sign-up → the verification mail in /api/dev/mail → verified; a password reset; an invitation
// accepted by a second user; then `dev` restarted with OAuth credentials and TRUSTED_ORIGINS in the
// env file: the GitHub redirect and a CORS preflight. One scaffold + install per template.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startDev } from "../support/app.js";
import { runCli } from "../support/cli.js";
import { startPostgres15 } from "../support/postgres.js";
import { tempDir } from "../support/temp.js";

type Mail = { id: string; to: string; subject: string; text: string; html: string; links: string[]; createdAt: string };

/** A browser tab on the app's origin: keeps its cookies, sends Origin on writes. */
class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async send(pathOrUrl: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
    const response = await fetch(new URL(pathOrUrl, this.base), {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        origin: this.base,
        ...(init.body !== undefined && { "content-type": "application/json" }),
        ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  async json(pathOrUrl: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await this.send(pathOrUrl, { body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
}

async function mailTo(base: string, to: string): Promise<Mail[]> {
  const response = await fetch(`${base}/api/dev/mail`);
  expect(response.status).toBe(200);
  const { messages } = (await response.json()) as { messages: Mail[] };
  return messages.filter((message) => message.to === to);
}

/** The auth flows of CONTRACT §5 against a running dev server at `base`. */
async function exerciseAuthFlows(base: string): Promise<void> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const password = "correct horse battery staple";

  // Verification: the mail is in the dev mailbox, its link is on the port dev really listens on.
  const ownerEmail = `owner-${stamp}@example.com`;
  expect((await new Browser(base).json("/api/auth/sign-up/email", { email: ownerEmail, password, name: "Owner" })).status).toBe(200);
  const [verification] = await mailTo(base, ownerEmail);
  expect(verification?.subject).toBe("Verify your email address");
  expect(verification!.links[0]!.startsWith(`${base}/api/auth/verify-email?token=`), verification!.links[0]).toBe(true);
  const visitor = new Browser(base);
  expect((await visitor.send(verification!.links[0]!)).status).toBe(302);
  expect((await visitor.json("/api/auth/get-session")).body.user).toMatchObject({ email: ownerEmail, emailVerified: true });

  // Password reset: a one-time token through the reset page's redirect.
  const anonymous = new Browser(base);
  expect((await anonymous.json("/api/auth/request-password-reset", { email: ownerEmail, redirectTo: "/reset-password" })).status).toBe(200);
  const reset = (await mailTo(base, ownerEmail)).find((mail) => mail.subject === "Reset your password");
  const redirect = await anonymous.send(reset!.links[0]!);
  expect(redirect.status).toBe(302);
  const token = new URL(redirect.headers.get("location")!, base).searchParams.get("token");
  const newPassword = "a brand new password";
  expect((await anonymous.json("/api/auth/reset-password", { token, newPassword })).status).toBe(200);
  expect((await anonymous.json("/api/auth/reset-password", { token, newPassword: "once more, no" })).status).toBe(400);
  // The reset ended the owner's other sessions: sign in again with the new password.
  const owner = new Browser(base);
  expect((await owner.json("/api/auth/sign-in/email", { email: ownerEmail, password: newPassword })).status).toBe(200);

  // Invitation: mailed with the organization's name, accepted by a second user.
  const organization = await owner.json("/api/auth/organization/create", { name: "Acme Rockets", slug: `acme-${stamp}` });
  expect(organization.status).toBe(200);
  const inviteeEmail = `invitee-${stamp}@example.com`;
  const invited = await owner.json("/api/auth/organization/invite-member", { email: inviteeEmail, role: "member" });
  expect(invited.status).toBe(200);
  const [invitation] = await mailTo(base, inviteeEmail);
  expect(invitation?.subject).toBe("Owner invited you to Acme Rockets");
  expect(invitation!.links).toEqual([`${base}/accept-invitation/${invited.body.id}`]);
  const invitee = new Browser(base);
  expect((await invitee.json("/api/auth/sign-up/email", { email: inviteeEmail, password, name: "Invitee" })).status).toBe(200);
  expect((await invitee.json("/api/auth/organization/accept-invitation", { invitationId: invited.body.id })).status).toBe(200);
  const members = await owner.json(`/api/auth/organization/list-members?organizationId=${organization.body.id}`);
  expect(members.body.members.map((member: { user: { email: string } }) => member.user.email)).toContain(inviteeEmail);
}

const FRONT_END = "http://localhost:5173";

/** Sets (or adds) KEY=value lines in an env file, as a user editing it would. */
function setEnv(file: string, values: Record<string, string>): void {
  let text = readFileSync(file, "utf8");
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}=${value}`;
    text = new RegExp(`^${key}=.*$`, "m").test(text) ? text.replace(new RegExp(`^${key}=.*$`, "m"), line) : `${text.trimEnd()}\n${line}\n`;
  }
  writeFileSync(file, text);
}

/** After a restart with credentials and TRUSTED_ORIGINS: GitHub's authorization URL and a CORS preflight. */
async function exerciseSocialAndCors(base: string): Promise<void> {
  const social = await new Browser(base).json("/api/auth/sign-in/social", { provider: "github", callbackURL: "/" });
  expect(social.status).toBe(200);
  const authorize = new URL(social.body.url);
  expect(authorize.origin + authorize.pathname).toBe("https://github.com/login/oauth/authorize");
  expect(authorize.searchParams.get("client_id")).toBe("e2e-github-client");
  // In development the provider calls back to the port dev listens on, not BETTER_AUTH_URL's (3000 / 8787).
  const callback = new URL(authorize.searchParams.get("redirect_uri")!);
  expect(callback.pathname).toBe("/api/auth/callback/github");
  expect(callback.port).toBe(new URL(base).port);
  // Google has no credentials: absent.
  expect((await new Browser(base).json("/api/auth/sign-in/social", { provider: "google" })).status).toBe(404);

  const preflight = (origin: string) =>
    fetch(`${base}/api/auth/sign-in/email`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
  const granted = await preflight(FRONT_END);
  expect(granted.headers.get("access-control-allow-origin")).toBe(FRONT_END);
  expect(granted.headers.get("access-control-allow-credentials")).toBe("true");
  expect((await preflight("http://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
}

const SOCIAL_AND_CORS = { GITHUB_CLIENT_ID: "e2e-github-client", GITHUB_CLIENT_SECRET: "e2e-github-secret", TRUSTED_ORIGINS: FRONT_END };

type Case = { template: string; pm: string; envFile: string; dev: string[]; node22?: boolean; postgres?: boolean };
const CASES: Case[] = [
  { template: "node-postgres", pm: "npm", envFile: ".env", dev: ["npm", "run", "dev"], postgres: true },
  { template: "bun-sqlite", pm: "bun", envFile: ".env", dev: ["bun", "run", "dev"] },
  { template: "cloudflare", pm: "npm", envFile: ".dev.vars", dev: ["npm", "run", "dev"], node22: true },
];

describe.each(CASES)("auth flows on $template's dev server", ({ template, pm, envFile, dev, node22, postgres }) => {
  const cwd = tempDir(`authstack-e2e-flows-${template}-`);
  const project = path.join(cwd, "flows-app");
  const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
  let pg: Awaited<ReturnType<typeof startPostgres15>> | undefined;

  beforeAll(async () => {
    if (postgres) pg = await startPostgres15();
    const args = ["flows-app", "--template", template, "--pm", pm, "--no-git", "--json", ...(pg ? ["--database-url", pg.url] : [])];
    const created = await runCli(args, { cwd, env: env(), ...(node22 && { node: inject("tools").node22 }) });
    expect(created.exitCode, created.all).toBe(0);
  });
  afterAll(() => pg?.stop());

  it("verifies an address, resets a password and accepts an invitation, all by mail in /api/dev/mail", async () => {
    const app = await startDev(project, dev, env());
    try {
      await exerciseAuthFlows(app.url);
      expect(app.output()).toMatch(/\[mail\] to owner-.*: Verify your email address http:\/\/127\.0\.0\.1:\d+\/api\/auth\/verify-email/);
    } finally {
      await app.stop();
    }
  });

  it("after a restart with GitHub credentials and TRUSTED_ORIGINS: the social redirect and a CORS preflight", async () => {
    setEnv(path.join(project, envFile), SOCIAL_AND_CORS);
    const app = await startDev(project, dev, env());
    try {
      await exerciseSocialAndCors(app.url);
    } finally {
      await app.stop();
    }
  });
});
