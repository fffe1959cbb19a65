// The HTML pages as a browser uses them: form posts (urlencoded, with the browser's Origin and
// Sec-Fetch-Site), redirects not followed, cookies kept.
import { describe, expect, it } from "vitest";
import { PASSWORD, uniqueEmail } from "./helpers/client.ts";
import { follow, mailTo } from "./helpers/mail.ts";
import { useServer, type TestServer } from "./helpers/server.ts";

const server = useServer();

type Page = { status: number; html: string; location: string | null; headers: Headers };

class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly target: TestServer) {}

  async get(path: string): Promise<Page> {
    return this.send(path, { method: "GET" });
  }

  /** A form post from one of our own pages, unless `from` says another site sent it. */
  async submit(path: string, fields: Record<string, string>, from?: { origin: string; site: string }): Promise<Page> {
    return this.send(path, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: from?.origin ?? this.target.origin,
        "sec-fetch-site": from?.site ?? "same-origin",
      },
    });
  }

  /** A call to the JSON API with this browser's cookies, as the app's own front end would make it. */
  async api(path: string, json: unknown): Promise<Page> {
    return this.send(path, { method: "POST", body: JSON.stringify(json), headers: { "content-type": "application/json", origin: this.target.origin } });
  }

  private async send(path: string, init: { method: string; body?: string; headers?: Record<string, string> }): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(new URL(path, this.target.origin), {
      ...init,
      headers: { ...init.headers, ...(cookie && { cookie }) },
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, html: await response.text(), location: response.headers.get("location"), headers: response.headers };
  }
}

async function signedUp(label: string) {
  const browser = new Browser(server);
  const email = uniqueEmail(label);
  const reply = await browser.submit("/sign-up", { name: label, email, password: PASSWORD });
  expect(reply.status, reply.html).toBe(303);
  return { browser, email };
}

async function withOrganization(label: string) {
  const account = await signedUp(label);
  const created = await account.browser.submit("/organizations", { name: `${label} Inc` });
  expect(created.status, created.html).toBe(303);
  return account;
}

describe("pages", () => {
  it.each(["/sign-up", "/sign-in", "/forgot-password"])("%s renders an HTML form with its labels", async (path) => {
    const page = await new Browser(server).get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.html.startsWith("<!doctype html>")).toBe(true);
    expect(page.html).toMatch(/<label for="field-email">Email<\/label>/);
  });

  it("sends a signed-out visitor from / to /sign-in; unknown pages are HTML 404s, /api stays JSON", async () => {
    const browser = new Browser(server);
    expect(await browser.get("/")).toMatchObject({ status: 303, location: "/sign-in" });
    expect(await browser.get("/projects")).toMatchObject({ status: 303, location: "/sign-in?next=%2Fprojects" });
    const missing = await browser.get("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.html)).toEqual({ error: "Not found" });
    const mistyped = await browser.get("/no-such-page");
    expect(mistyped.status).toBe(404);
    expect(mistyped.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("signs up through the form: a session cookie, a redirect home, the email on the page", async () => {
    const { browser, email } = await signedUp("form");
    const home = await browser.get("/");
    expect(home.status).toBe(200);
    expect(home.html).toContain(email);
    expect(home.html).toContain("Not verified");
    expect(home.html).toContain("Sign out");
    expect(home.headers.get("cache-control")).toBe("no-store");
  });

  it("resends the verification mail from the home page", async () => {
    const { browser, email } = await signedUp("resend");
    expect(await browser.submit("/verification-email", {})).toMatchObject({ status: 303, location: "/?notice=verification-sent" });
    const verifications = (await mailTo(server, email)).filter((mail) => mail.subject === "Verify your email address");
    expect(verifications).toHaveLength(2);
    await follow(verifications[0]!.links[0]!);
    expect((await browser.get("/")).html).toContain("Verified");
  });

  it("shows a wrong password on the sign-in page, not as JSON", async () => {
    const { email } = await signedUp("wrong");
    const page = await new Browser(server).submit("/sign-in", { email, password: "not the password" });
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.html).toContain("Invalid email or password");
    expect(page.html).toContain(`value="${email}"`);
  });

  it("refuses a cross-site form post with an HTML 403 and changes nothing", async () => {
    const { browser } = await withOrganization("forged");
    const evil = { origin: "http://evil.example", site: "cross-site" };
    const forged = await browser.submit("/projects", { name: "Planted" }, evil);
    expect(forged.status).toBe(403);
    expect(forged.headers.get("content-type")).toMatch(/^text\/html/);
    // A page on another port of this host is same-site, and still not us.
    const sibling = await browser.submit("/projects", { name: "Planted" }, { origin: "http://127.0.0.1:1", site: "same-site" });
    expect(sibling.status).toBe(403);
    const stranger = uniqueEmail("planted");
    expect((await new Browser(server).submit("/sign-up", { name: "x", email: stranger, password: PASSWORD }, evil)).status).toBe(403);

    expect((await browser.get("/projects")).html).not.toContain("Planted");
    const signIn = await new Browser(server).submit("/sign-in", { email: stranger, password: PASSWORD });
    expect(signIn.status).toBe(401);
  });

  it("creates a project in the active organization through /api/projects", async () => {
    const { browser } = await signedUp("projects");
    expect((await browser.get("/projects")).html).toContain("no active organization");
    await browser.submit("/organizations", { name: "Projects Inc" });
    const created = await browser.submit("/projects", { name: "Apollo" });
    expect(created).toMatchObject({ status: 303, location: "/projects?notice=created" });
    expect((await browser.get("/projects")).html).toContain("Apollo");
    const other = await withOrganization("other");
    expect((await other.browser.get("/projects")).html).not.toContain("Apollo");
  });

  it("shows a new key of the active organization once, uncached, lists it by name afterwards, and revokes it", async () => {
    const { browser } = await signedUp("keys");
    expect((await browser.get("/api-keys")).html).toContain("no active organization");
    await browser.submit("/organizations", { name: "Keys Inc" });
    const created = await browser.submit("/api-keys", { name: "CI deploys" });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const key = created.html.match(/<code class="secret">([^<]+)<\/code>/)?.[1];
    expect(key!.length).toBeGreaterThan(20);

    const list = await browser.get("/api-keys");
    expect(list.html).toContain("CI deploys");
    expect(list.html).not.toContain(key!);

    const revoke = list.html.match(/action="(\/api-keys\/[^"]+\/revoke)"/)?.[1] ?? "";
    expect(await browser.submit(revoke, {})).toMatchObject({ status: 303, location: "/api-keys?notice=revoked" });
    expect((await browser.get("/api-keys")).html).not.toContain("CI deploys");
  });

  it("resets a password through the forgot-password page and the dev mailbox", async () => {
    const { email } = await signedUp("reset");
    const browser = new Browser(server);
    expect(await browser.submit("/forgot-password", { email })).toMatchObject({ status: 303, location: "/forgot-password?notice=sent" });
    const mailbox = await browser.get("/dev/mail");
    expect(mailbox.status).toBe(200);
    expect(mailbox.html).toContain("Reset your password");

    const mail = (await mailTo(server, email)).find((message) => message.subject === "Reset your password");
    const landing = await follow(mail!.links[0]!);
    // Back on the server the person came from, whatever BETTER_AUTH_URL says.
    expect(landing.location?.startsWith(`${server.origin}/reset-password?token=`), landing.location!).toBe(true);
    expect((await browser.get(landing.location!)).html).toContain("New password");
    const reset = await browser.submit(landing.location!, { newPassword: "a brand new passphrase" });
    expect(reset).toMatchObject({ status: 303, location: "/sign-in?notice=password-reset" });

    expect((await browser.submit("/sign-in", { email, password: PASSWORD })).status).toBe(401);
    expect(await browser.submit("/sign-in", { email, password: "a brand new passphrase" })).toMatchObject({ status: 303, location: "/" });
  });

  it("sends a signed-in visitor only to paths on this site, whatever next= says", async () => {
    const { browser } = await signedUp("redirect");
    // Each is another site to a browser: a second slash, a backslash, a tab or newline it drops, a path that climbs.
    for (const next of ["//evil.example", "/%5Cevil.example", "/%255Cevil.example", "/%09/evil.example", "/%0a/evil.example", "https://evil.example", "/..//evil.example"]) {
      const page = await browser.get(`/sign-in?next=${next}`);
      expect(page.status, next).toBe(303);
      expect(page.location, next).toBe("/");
    }
    expect((await browser.get(`/sign-in?next=${encodeURIComponent("/projects?tab=mine")}`)).location).toBe("/projects?tab=mine");
  });

  it("shows an organization's people to its members only, and invitations to a verified address only", async () => {
    const owner = await withOrganization("owner");
    const guest = await signedUp("guest");
    expect((await owner.browser.submit("/invitations", { email: guest.email })).status).toBe(303);
    expect((await owner.browser.get("/")).html).toContain(`<span>${guest.email}</span> <span class="muted">invited</span>`);

    // Nothing proves an unverified address is the guest's: no invitation is shown to it.
    expect((await guest.browser.get("/")).html).not.toContain("Invitations for you");
    const verification = (await mailTo(server, guest.email)).flatMap((mail) => mail.links).find((url) => url.includes("/api/auth/verify-email"));
    await guest.browser.get(verification!);
    const invited = (await guest.browser.get("/")).html;
    expect(invited).toContain("Invitations for you");
    const accept = invited.match(/href="(\/accept-invitation\/[^"]+)"/)?.[1];
    expect(await guest.browser.submit(accept!, {})).toMatchObject({ status: 303, location: "/?notice=invitation-accepted" });
    const joined = (await guest.browser.get("/")).html;
    expect(joined).toContain("People in owner Inc");
    expect(joined).not.toContain("Invitations for you");
    const people = (await owner.browser.get("/")).html;
    expect(people).toContain(`<span>${guest.email}</span> <span class="muted">member</span>`);
    expect(people).not.toContain(`<span>${guest.email}</span> <span class="muted">invited</span>`);

    // Removed, the guest's session still names the organization as active: the page shows nothing of it.
    expect((await owner.browser.api("/api/auth/organization/remove-member", { memberIdOrEmail: guest.email })).status).toBe(200);
    const removed = (await guest.browser.get("/")).html;
    expect(removed).not.toContain("owner Inc");
    expect(removed).not.toContain(owner.email);
  });

  it("invites by email; the invitee signs up from the invitation and accepts it", async () => {
    const owner = await withOrganization("owner");
    const inviteeEmail = uniqueEmail("invitee");
    expect((await owner.browser.submit("/invitations", { email: inviteeEmail })).status).toBe(303);
    const mail = (await mailTo(server, inviteeEmail))[0];
    const link = mail!.links.find((url) => url.includes("/accept-invitation/"))!;
    const path = new URL(link).pathname;

    const invitee = new Browser(server);
    expect((await invitee.get(path)).html).toContain(`/sign-up?next=${encodeURIComponent(path)}`);
    const signUp = await invitee.submit(`/sign-up?next=${encodeURIComponent(path)}`, { name: "Invitee", email: inviteeEmail, password: PASSWORD });
    expect(signUp).toMatchObject({ status: 303, location: path });
    expect((await invitee.get(path)).html).toContain("owner Inc");
    expect(await invitee.submit(path, {})).toMatchObject({ status: 303, location: "/?notice=invitation-accepted" });
    expect((await owner.browser.get("/")).html).toContain(inviteeEmail);
  });
});
