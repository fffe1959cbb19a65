// A person in a real browser (Debian's Chromium driven by playwright-core) uses every page of each
// template's `dev` server: sign up, verify from the dev mailbox, an organization, a project, an API
// key, an invitation accepted by a second person in a second browser, sign out, reset, sign in.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type RunningApp, startDev } from "../support/app.js";
import { runCli } from "../support/cli.js";
import { REPO_ROOT } from "../support/paths.js";
import { startPostgres15 } from "../support/postgres.js";
import { tempDir } from "../support/temp.js";

const CHROMIUM = "/usr/bin/chromium";
const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";
// UPDATE_SCREENSHOTS=1: the signed-in home page of this template becomes the README's picture.
const README_SCREENSHOT = { template: "node-postgres", file: path.join(REPO_ROOT, "docs/home.png") };

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
      await a.getByRole("button", { name: "Sign in" }).click();
      await a.getByText("Invalid email or password").waitFor();
      await a.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
      await a.getByRole("button", { name: "Sign in" }).click();
      await a.getByText(`Signed in as ${owner}`).waitFor();
    });
  } finally {
    await first.close();
    await second.close();
  }
}

describe.each(TEMPLATES)("a person in a browser on $id", (template) => {
  const project = path.join(cwd, `${template.id}-app`);
  let created: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const args = [`${template.id}-app`, "--template", template.id, "--pm", template.pm, "--no-git", "--json"];
    if (template.id === "node-postgres") {
      pg = await startPostgres15();
      args.push("--database-url", pg.url);
    }
    created = await runCli(args, { cwd, env: env(), ...(template.node22 && { node: inject("tools").node22 }) });
  });

  it("signs up, verifies, runs an organization with a project, an API key and a member, and resets the password", async () => {
    expect(created.exitCode, created.all).toBe(0);
    const app = await startDev(project, template.dev, env());
    const started = Date.now();
    try {
      await journey(app, template);
    } catch (error) {
      console.error(`dev server output:\n${app.output()}`);
      throw error;
    } finally {
      timings.push(`${template.id} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await app.stop();
    }
  });
});
