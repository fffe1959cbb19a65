import { execa, type ResultPromise } from "execa";
import { expect } from "vitest";
import { userEnv } from "./cli.js";
import { freePort } from "./net.js";

export type RunningApp = { url: string; output: () => string; stop: () => Promise<void>; /** Its process group (detached). */ pid: number };

/** `<pm> run dev` on a free port, as a user would start it; resolves once the app answers. */
export async function startDev(cwd: string, command: string[], env: Record<string, string | undefined> = {}): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ResultPromise = execa(command[0]!, command.slice(1), {
    cwd,
    env: userEnv({ ...env, PORT: String(port) }),
    extendEnv: false,
    detached: true,
    reject: false,
    all: true,
    stdin: "ignore",
  });
  child.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 5000);
    await child;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${url}/api/auth/ok`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null && child.exitCode !== undefined) throw new Error(`dev exited early:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`dev did not answer on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => output, stop, pid: child.pid! };
}

/** Signs up and in over HTTP as a browser on `origin` would, and checks the session it gets. */
export async function signUpAndIn(base: string, origin = base): Promise<void> {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "correct horse battery staple";
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  const signUp = await post("/api/auth/sign-up/email", { email, password, name: "E2E User" });
  expect(signUp.status, await signUp.clone().text()).toBe(200);

  const wrong = await post("/api/auth/sign-in/email", { email, password: "wrong password!" });
  expect(wrong.status).toBe(401);

  const signIn = await post("/api/auth/sign-in/email", { email, password });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  const setCookie = signIn.headers.getSetCookie();
  expect(setCookie.join(";")).toContain("better-auth.session_token=");
  expect(setCookie.join(";")).not.toMatch(/;\s*Secure/i);
  const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");

  const session = (await (await fetch(`${base}/api/auth/get-session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);

  const projects = await fetch(`${base}/api/projects`);
  expect(projects.status).toBe(401);
}

/**
 * The endpoints of the four --plugins on a running app: each answers (200 for what anyone may ask, 401 without a
 * session) when the project has it, and is absent (404) when it does not.
 */
export async function expectPluginEndpoints(base: string, present: boolean | readonly string[]): Promise<void> {
  const has = (id: string) => (typeof present === "boolean" ? present : present.includes(id));
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify(body) });
  const statuses = {
    passkey: (await fetch(`${base}/api/auth/passkey/generate-authenticate-options`)).status,
    "magic-link": (await post("/api/auth/sign-in/magic-link", { email: `e2e-${Date.now()}@example.com`, callbackURL: "/" })).status,
    "two-factor": (await post("/api/auth/two-factor/enable", { password: "x" })).status,
    admin: (await fetch(`${base}/api/auth/admin/list-users`)).status,
  };
  expect(statuses).toEqual({
    passkey: has("passkey") ? 200 : 404,
    "magic-link": has("magic-link") ? 200 : 404,
    "two-factor": has("two-factor") ? 401 : 404,
    admin: has("admin") ? 401 : 404,
  });

  // Their pages: signed out, the settings send to sign-in and the admin page does not exist; a form posted from
  // another site is refused before it reaches Better Auth.
  const page = (path: string) => fetch(`${base}${path}`, { redirect: "manual" });
  const crossSite = (path: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body: "password=x&userId=x&email=x%40example.com",
    });
  const pages = {
    twoFactor: (await page("/account/two-factor")).status,
    passkeys: (await page("/account/passkeys")).status,
    admin: (await page("/admin/users")).status,
    crossSiteEnable: (await crossSite("/account/two-factor/enable")).status,
    crossSiteBan: (await crossSite("/admin/users/ban")).status,
    crossSiteLink: (await crossSite("/sign-in/magic-link")).status,
  };
  expect(pages).toEqual({
    twoFactor: has("two-factor") ? 303 : 404,
    passkeys: has("passkey") ? 303 : 404,
    admin: 404,
    crossSiteEnable: 403,
    crossSiteBan: 403,
    crossSiteLink: 403,
  });
}
