// A person in a real browser (Debian's Chromium driven by playwright-core) uses every page of each
// template's `dev` server: sign up, verify from the dev mailbox, an organization, a project, an API
// key, an invitation accepted by a second person in a second browser, sign out, reset, sign in. The
// projects have every --plugins plugin, whose pages come next: two-factor with codes computed from the
// shown secret and a backup code, a passkey through Chromium's virtual authenticator (the DevTools
// WebAuthn domain), a magic link from the dev mailbox, and the admin's users page.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { URI } from "otpauth";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningApp, startDev } from "../support/app.js";
import { runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { REPO_ROOT } from "../support/paths.js";
import { startPostgres15 } from "../support/postgres.js";
import { tempDir } from "../support/temp.js";

const CHROMIUM = "/usr/bin/chromium";
const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";
// UPDATE_SCREENSHOTS=1: the signed-in home page and the two-factor page of this template become the README's pictures.
const README_SCREENSHOT = { template: "node-postgres", file: path.join(REPO_ROOT, "docs/home.png"), twoFactor: path.join(REPO_ROOT, "docs/two-factor.png") };

type Template = {
  id: "node-postgres" | "bun-sqlite" | "cloudflare";
  pm: "npm" | "bun";
  dev: string[];
  /** Node 22 for the CLI (wrangler needs it). */
  node22?: boolean;
};

const TEMPLATES: Template[] = [
  { id: "node-postgres", pm: "npm", dev: ["npm", "run", "dev"] },
  { id: "bun-sqlite", pm: "bun", dev: ["bun", "run", "dev"] },
  { id: "cloudflare", pm: "npm", dev: ["npm", "run", "dev"], node22: true },
];

const cwd = tempDir("authstack-e2e-browser-");
// Made on the first failure and kept (the projects' temp folder is removed after the run).
let screenshots: string | undefined;
const env = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
let browser: Browser;
let pg: Awaited<ReturnType<typeof startPostgres15>> | undefined;
const timings: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's package: sudo apt-get install --no-install-recommends chromium (npm test does it as root).`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
});

afterAll(async () => {
  await browser?.close();
  pg?.stop();
  if (timings.length > 0) console.log(`Browser journey: ${timings.join(", ")}`);
});

/** Runs one step of the journey; when it fails, every open page is saved as a screenshot first, and the paths printed. */
async function step(name: string, pages: Page[], run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const saved: string[] = [];
    screenshots ??= mkdtempSync(path.join(os.tmpdir(), "authstack-browser-failure-"));
    for (const [index, page] of pages.entries()) {
      const file = path.join(screenshots, `${name.replace(/\W+/g, "-")}-${index + 1}.png`);
      await page.screenshot({ path: file, fullPage: true }).then(() => saved.push(file), () => undefined);
    }
    console.error(`Step "${name}" failed; screenshots: ${saved.join(", ") || "none could be taken"}`);
    throw error;
  }
}

/** Opens the dev mailbox and follows the link of the newest mail to `to` whose link matches `href`. */
async function followMail(page: Page, to: string, href: string): Promise<void> {
  await page.getByRole("link", { name: "Dev mailbox", exact: true }).click();
  const mail = page.locator("article").filter({ hasText: `To ${to}` }).filter({ has: page.locator(`a[href*="${href}"]`) });
  await mail.first().locator(`a[href*="${href}"]`).first().click();
}

async function journey(app: RunningApp, template: Template): Promise<void> {
  const owner = `owner-${template.id}@example.com`;
  const invitee = `invitee-${template.id}@example.com`;
  const first: BrowserContext = await browser.newContext();
  const second: BrowserContext = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  const pages = [a, b];
  try {
    await step(`${template.id} sign up`, pages, async () => {
      await a.goto(`${app.url}/`);
      await expect.poll(() => new URL(a.url()).pathname).toBe("/sign-in");
      await a.getByRole("link", { name: "Sign up", exact: true }).click();
      await a.getByLabel("Name", { exact: true }).fill("Olivia Owner");
      await a.getByLabel("Email", { exact: true }).fill(owner);
      await a.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await a.getByRole("button", { name: "Sign up" }).click();
      await a.getByText(`Signed in as ${owner}`).waitFor();
      await a.getByText("Not verified").waitFor();
    });

    await step(`${template.id} verify from the mailbox`, pages, async () => {
      await followMail(a, owner, "/api/auth/verify-email");
      await a.getByText("Verified", { exact: true }).waitFor();
    });

    await step(`${template.id} create an organization`, pages, async () => {
      await a.getByLabel("Organization name", { exact: true }).fill("Acme");
      await a.getByRole("button", { name: "Create organization" }).click();
      await a.getByText("Organization created.").waitFor();
      await a.getByRole("heading", { name: "People in Acme" }).waitFor();
    });

    await step(`${template.id} create a project`, pages, async () => {
      await a.getByRole("link", { name: "Projects", exact: true }).click();
      await a.getByLabel("Project name", { exact: true }).fill("Apollo");
      await a.getByRole("button", { name: "Create project" }).click();
      await a.getByText("Project created.").waitFor();
      await a.getByRole("listitem").filter({ hasText: "Apollo" }).waitFor();
    });

    await step(`${template.id} create an API key`, pages, async () => {
      await a.getByRole("link", { name: "API keys", exact: true }).click();
      await a.getByLabel("Key name", { exact: true }).fill("CI deploys");
      await a.getByRole("button", { name: "Create API key" }).click();
      const key = (await a.locator("code").textContent())?.trim() ?? "";
      expect(key.length).toBeGreaterThan(20);
      expect(a.url()).not.toContain(key);
      await a.getByRole("link", { name: "API keys", exact: true }).click();
      await a.getByRole("listitem").filter({ hasText: "CI deploys" }).waitFor();
      expect(await a.content()).not.toContain(key);
    });

    await step(`${template.id} invite a second person`, pages, async () => {
      await a.getByRole("link", { name: "Home", exact: true }).click();
      await a.getByLabel("Invite email", { exact: true }).fill(invitee);
      await a.getByRole("button", { name: "Send invitation" }).click();
      await a.getByText("Invitation sent.").waitFor();
    });

    await step(`${template.id} the invitee signs up and accepts`, pages, async () => {
      await b.goto(`${app.url}/dev/mail`);
      await followMail(b, invitee, "/accept-invitation/");
      await b.getByRole("link", { name: "Sign up", exact: true }).click();
      await b.getByLabel("Name", { exact: true }).fill("Ivan Invitee");
      await b.getByLabel("Email", { exact: true }).fill(invitee);
      await b.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await b.getByRole("button", { name: "Sign up" }).click();
      await b.getByText("invited you to join").waitFor();
      await b.getByRole("button", { name: "Accept invitation" }).click();
      await b.getByText("Invitation accepted.").waitFor();
      await b.getByRole("heading", { name: "People in Acme" }).waitFor();
    });

    await step(`${template.id} the owner sees the new member`, pages, async () => {
      await a.getByRole("link", { name: "Home", exact: true }).click();
      await a.getByRole("listitem").filter({ hasText: invitee }).filter({ hasText: "member" }).waitFor();
      if (process.env.UPDATE_SCREENSHOTS === "1" && template.id === README_SCREENSHOT.template) {
        await a.setViewportSize({ width: 900, height: 640 });
        await a.screenshot({ path: README_SCREENSHOT.file, fullPage: true });
      }
    });

    await step(`${template.id} sign out`, pages, async () => {
      await a.getByRole("button", { name: "Sign out" }).click();
      await a.getByText("You are signed out.").waitFor();
    });

    await step(`${template.id} forgot password and reset`, pages, async () => {
      await a.getByRole("link", { name: "Forgot password?", exact: true }).click();
      await a.getByLabel("Email", { exact: true }).fill(owner);
      await a.getByRole("button", { name: "Send reset link" }).click();
      await a.getByText("a reset link is on its way").waitFor();
      await followMail(a, owner, "/api/auth/reset-password/");
      await a.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await a.getByRole("button", { name: "Reset password" }).click();
      await a.getByText("Your password was changed.").waitFor();
    });

    await step(`${template.id} sign in with the new password`, pages, async () => {
      await a.getByLabel("Email", { exact: true }).fill(owner);
      await a.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await a.getByRole("button", { name: "Sign in", exact: true }).click();
      await a.getByText("Invalid email or password").waitFor();
      await a.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
      await a.getByRole("button", { name: "Sign in", exact: true }).click();
      await a.getByText(`Signed in as ${owner}`).waitFor();
    });
  } finally {
    await first.close();
    await second.close();
  }
}

/** Signs up in a fresh browser context, on localhost: WebAuthn refuses an IP address as the relying party. */
async function newPerson(origin: string, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/sign-up`);
  await page.getByLabel("Name", { exact: true }).fill(email.split("@")[0]!);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
  return { context, page };
}

async function signOutAndIn(page: Page, email: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByText("You are signed out.").waitFor();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function pluginJourney(app: RunningApp, template: Template, project: string): Promise<void> {
  const origin = app.url.replace("127.0.0.1", "localhost");
  const email = `plugins-${template.id}@example.com`;
  const other = `other-${template.id}@example.com`;
  const { context, page } = await newPerson(origin, email);
  const second = await newPerson(origin, other);
  const pages = [page, second.page];
  try {
    let backupCode = "";
    let secret = "";
    await step(`${template.id} turn on two-factor`, pages, async () => {
      await page.getByRole("link", { name: "Two-factor", exact: true }).click();
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Enable two-factor" }).click();
      await page.locator(".qr svg").waitFor();
      secret = (await page.locator("code.secret").textContent())?.trim() ?? "";
      backupCode = (await page.locator("ul.codes code").first().textContent())?.trim() ?? "";
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      if (process.env.UPDATE_SCREENSHOTS === "1" && template.id === README_SCREENSHOT.template) {
        await page.setViewportSize({ width: 900, height: 640 });
        await page.screenshot({ path: README_SCREENSHOT.twoFactor, fullPage: true });
      }
      await page.getByLabel("Code", { exact: true }).fill(totp(secret));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByText("Two-factor is on.").first().waitFor();
    });

    await step(`${template.id} sign in with a code, then with a backup code`, pages, async () => {
      await signOutAndIn(page, email);
      await expect.poll(() => new URL(page.url()).pathname).toBe("/two-factor");
      await page.getByLabel("Code", { exact: true }).fill(totp(secret));
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByText(`Signed in as ${email}`).waitFor();
      await signOutAndIn(page, email);
      await page.getByLabel("Code", { exact: true }).fill(backupCode);
      await page.getByRole("button", { name: "Verify" }).click();
      await page.getByText(`Signed in as ${email}`).waitFor();
    });

    await step(`${template.id} turn off two-factor`, pages, async () => {
      await page.getByRole("link", { name: "Two-factor", exact: true }).click();
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Disable two-factor" }).click();
      await page.getByText("Two-factor is off.").first().waitFor();
    });

    await step(`${template.id} add a passkey and sign in with it`, pages, async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send("WebAuthn.enable");
      await cdp.send("WebAuthn.addVirtualAuthenticator", {
        options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      await page.getByRole("link", { name: "Passkeys", exact: true }).click();
      await page.getByText("You have no passkeys yet.").waitFor();
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await page.getByText("Passkey added.").waitFor();
      await page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem").first().waitFor();
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("button", { name: "Sign in with a passkey" }).click();
      await page.getByText(`Signed in as ${email}`).waitFor();
      await page.getByRole("link", { name: "Passkeys", exact: true }).click();
      await page.getByRole("button", { name: "Delete" }).click();
      await page.getByText("Passkey deleted.").waitFor();
    });

    await step(`${template.id} sign in with a magic link`, pages, async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await page.getByText(`A sign-in link is on its way to ${email}`).waitFor();
      await page.goto(`${origin}/dev/mail`);
      await followMail(page, email, "/api/auth/magic-link/verify");
      await page.getByText(`Signed in as ${email}`).waitFor();
    });

    await step(`${template.id} the users page: 404 until auth:admin, then ban, unban, make admin, impersonate`, pages, async () => {
      expect((await page.goto(`${origin}/admin/users`))?.status()).toBe(404);
      const granted = await run(template.pm, template.pm === "bun" ? ["run", "auth:admin", email] : ["run", "auth:admin", "--", email], project, env());
      expect(granted.exitCode, granted.all).toBe(0);
      // The pages remember who is signed in for a few seconds (src/http/auth-cache.ts): the new role shows within them.
      const usersLink = page.getByRole("link", { name: "Users", exact: true });
      await expect.poll(async () => (await page.goto(`${origin}/`), usersLink.count()), { timeout: 15_000, interval: 1000 }).toBe(1);
      await usersLink.click();
      const row = page.getByRole("listitem").filter({ hasText: other });
      await row.getByRole("button", { name: "Ban" }).click();
      await page.getByText("User banned: their sessions have ended.").waitFor();
      await row.getByText("banned", { exact: true }).waitFor();
      await row.getByRole("button", { name: "Unban" }).click();
      await page.getByText("User unbanned.").waitFor();
      await row.getByRole("button", { name: "Impersonate" }).click();
      await page.getByText(`Signed in as ${other}`).waitFor();
      await page.getByText(`You are impersonating ${other}.`).waitFor();
      await page.getByRole("button", { name: "Stop impersonating" }).click();
      await page.getByText("You are yourself again.").waitFor();
      await row.getByRole("button", { name: "Make admin" }).click();
      await page.getByText("User is an admin now.").waitFor();
      // The ban ended the other person's session: signed in again, they have the page too.
      await second.page.goto(`${origin}/sign-in`);
      await second.page.getByLabel("Email", { exact: true }).fill(other);
      await second.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await second.page.getByRole("button", { name: "Sign in", exact: true }).click();
      await second.page.getByText(`Signed in as ${other}`).waitFor();
      expect((await second.page.goto(`${origin}/admin/users`))?.status()).toBe(200);
    });
  } finally {
    await context.close();
    await second.context.close();
  }
}

/** The code an authenticator app shows now for this secret (RFC 6238: SHA-1, 6 digits, 30 s). */
function totp(secret: string): string {
  return URI.parse(`otpauth://totp/x?secret=${secret}`).generate();
}

describe.each(TEMPLATES)("a person in a browser on $id", (template) => {
  const project = path.join(cwd, `${template.id}-app`);
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const args = [`${template.id}-app`, "--template", template.id, "--plugins", "two-factor,passkey,magic-link,admin", "--pm", template.pm, "--no-git", "--json"];
    if (template.id === "node-postgres") {
      pg = await startPostgres15();
      args.push("--database-url", pg.url);
    }
    created = await runCli(args, { cwd, env: env(), ...(template.node22 && { node: inject("tools").node22 }) });
  });

  it("signs up, verifies, runs an organization with a project, an API key and a member, resets the password, and uses every plugin's pages", async () => {
    expect(created.exitCode, created.all).toBe(0);
    const app = await startDev(project, template.dev, env());
    const started = Date.now();
    try {
      await journey(app, template);
      await pluginJourney(app, template, project);
    } catch (error) {
      console.error(`dev server output:\n${app.output()}`);
      throw error;
    } finally {
      timings.push(`${template.id} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await app.stop();
    }
  });
});
