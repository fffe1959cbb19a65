// node-postgres and bun-sqlite as deployed: built by their Dockerfile's own commands (production
// dependencies only), two instances of the image on one database, mail through a stand-in for Resend,
// probed the way an attacker would: forged Host and X-Forwarded-For, open-redirect spellings, big bodies.
import { execFileSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import { execa, type ResultPromise } from "execa";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../support/cli.js";
import { buildLikeDocker, type Stage, stageEnv } from "../support/dockerfile.js";
import { freePort } from "../support/net.js";
import { startPostgres15 } from "../support/postgres.js";
import { startResendStandIn } from "../support/resend-stand-in.js";
import { tempDir } from "../support/temp.js";

const PUBLIC = "https://app.example.com";
const SECRET = "a-production-secret-of-more-than-32-characters-for-e2e";
const PASSWORD = "correct horse battery staple";

type Instance = { url: string; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | undefined>; child: ResultPromise };

/** The image's CMD, in its folder, with its ENV and these settings; resolves once /api/health answers. */
async function startImage(image: Stage, env: Record<string, string>, unset: string[] = []): Promise<Instance> {
  const port = await freePort();
  const full = stageEnv(image, { ...env, PORT: String(port) });
  for (const name of unset) delete full[name];
  let output = "";
  const child = execa(image.cmd![0]!, image.cmd!.slice(1), { cwd: image.dir, env: full, extendEnv: false, reject: false, all: true, stdin: "ignore" });
  child.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/api/health`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null && child.exitCode !== undefined) throw new Error(`the image exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the image did not answer on ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    child.kill(signal);
    return (await child).exitCode;
  };
  return { url, output: () => output, stop, child };
}

/**
 * A browser on the public origin, behind the load balancer this test plays (TRUSTED_PROXIES=127.0.0.1): its
 * cookies, its Origin header, its own address in X-Forwarded-For. The instance is picked per request.
 */
class Browser {
  readonly cookies = new Map<string, string>();
  readonly address = `192.0.2.${++clients}`;

  async send(base: string, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}${route}`, {
      method,
      redirect: "manual",
      headers: {
        origin: PUBLIC,
        "x-forwarded-for": this.address,
        ...(body !== undefined && { "content-type": "application/json" }),
        ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", value = ""] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value) this.cookies.set(name.trim(), value.trim());
      else this.cookies.delete(name.trim());
    }
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, body: json };
  }
}

let clients = 0;

/**
 * A POST on a connection of its own, with headers fetch will not send as given (Host). A server may answer
 * before the body is all sent (413) and close: the answer counts.
 */
function rawPost(base: string, route: string, body: unknown, headers: Record<string, string>): Promise<number> {
  const url = new URL(route, base);
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    let status: number | undefined;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        agent: false,
        // Chunked when asked: no Content-Length for the server to judge the size by.
        headers: { "content-type": "application/json", ...(headers["transfer-encoding"] ? {} : { "content-length": Buffer.byteLength(payload) }), ...headers },
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on("end", () => resolve(status!));
      },
    );
    req.on("error", (error) => (status === undefined ? reject(error) : resolve(status)));
    req.end(payload);
  });
}

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.com`;

async function signUp(browser: Browser, base: string, label: string) {
  const email = uniqueEmail(label);
  const reply = await browser.send(base, "POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: label });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return email;
}

async function ownOrganization(browser: Browser, base: string, name: string): Promise<string> {
  const created = await browser.send(base, "POST", "/api/auth/organization/create", { name, slug: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}` });
  expect(created.status).toBe(200);
  expect((await browser.send(base, "POST", "/api/auth/organization/set-active", { organizationId: created.body.id })).status).toBe(200);
  return created.body.id as string;
}

type Target = {
  id: "node-postgres" | "bun-sqlite";
  pm: "npm" | "bun";
  /** Settings every instance gets: where the database is. */
  database: (image: Stage) => Record<string, string>;
  rateLimitRows: (image: Stage) => { key: string; count: number }[];
};

const targets: Target[] = [
  {
    id: "node-postgres",
    pm: "npm",
    database: () => ({ DATABASE_URL: pgUrl }),
    rateLimitRows: () =>
      execFileSync("psql", [pgUrl, "-At", "-F", "\t", "-c", "select key, count from rate_limit order by key"], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => ({ key: line.split("\t")[0]!, count: Number(line.split("\t")[1]) })),
  },
  {
    id: "bun-sqlite",
    pm: "bun",
    // The image's volume, /app/data, is the data/ folder of its stand-in.
    database: (image) => ({ DB_FILE: path.join(image.dir, "data/app.db") }),
    rateLimitRows: (image) =>
      JSON.parse(
        execFileSync(inject("tools").bun, ["-e", `const { Database } = require("bun:sqlite"); console.log(JSON.stringify(new Database(${JSON.stringify(path.join(image.dir, "data/app.db"))}).query("select key, count from rate_limit order by key").all()))`], {
          encoding: "utf8",
        }),
      ),
  },
];

let pgUrl = "";
let stopPostgres = () => {};
beforeAll(async () => {
  const pg = await startPostgres15();
  pgUrl = pg.url;
  stopPostgres = pg.stop;
});
afterAll(() => stopPostgres());

describe.each(targets)("$id built by its Dockerfile and run as two instances", (target) => {
  const cwd = tempDir(`authstack-e2e-prod-${target.id}-`);
  const project = path.join(cwd, "app");
  const toolsPath = () => ({ PATH: `${inject("tools").bin}:${process.env.PATH}` });
  let image: Stage;
  let a: Instance;
  let b: Instance;
  let mail: Awaited<ReturnType<typeof startResendStandIn>>;
  let settings: Record<string, string>;

  beforeAll(async () => {
    const created = await runCli(["app", "--template", target.id, "--pm", target.pm, "--no-install", "--no-migrate", "--no-git", "--json"], { cwd, env: toolsPath() });
    expect(created.exitCode, created.all).toBe(0);
    const stages = await buildLikeDocker(project, path.join(cwd, "image"), toolsPath());
    image = stages.at(-1)!;
    mail = await startResendStandIn();
    settings = {
      ...toolsPath(),
      ...target.database(image),
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: PUBLIC,
      RESEND_API_KEY: "re_stand_in",
      RESEND_API_URL: mail.url,
      MAIL_FROM: "App <app@example.com>",
      // The test is the load balancer in front: its X-Forwarded-For names the client.
      TRUSTED_PROXIES: "127.0.0.1,::1",
    };
    // One started as the image says (NODE_ENV=production), one with NODE_ENV unset: both are production.
    a = await startImage(image, settings);
    b = await startImage(image, settings, ["NODE_ENV"]);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await mail?.close();
  });

  it("is built from production dependencies only and runs as a user other than root", () => {
    expect(image.user).toMatch(/^(node|bun)$/);
    expect(image.cmd?.join(" ")).toMatch(/migrate.*&&.*exec/);
    for (const dev of ["tsx", "typescript", "vitest", "drizzle-kit", "@types/node"]) {
      expect(existsSync(path.join(image.dir, "node_modules", dev)), `${dev} is a dev dependency`).toBe(false);
    }
    expect(existsSync(path.join(image.dir, "node_modules", "better-auth"))).toBe(true);
    expect(existsSync(path.join(image.dir, ".env"))).toBe(false);
  });

  it("has no dev tools, on either instance, however the request is dressed", async () => {
    for (const base of [a.url, b.url]) {
      const dressed: Record<string, string>[] = [{}, { "x-forwarded-for": "127.0.0.1" }, { host: "localhost" }];
      for (const headers of dressed) {
        expect((await fetch(`${base}/api/dev/mail`, { headers })).status).toBe(404);
        expect((await fetch(`${base}/dev/mail`, { headers })).status).toBe(404);
      }
    }
  });

  it("sends the security headers, refuses a body over 1 MiB and answers readiness", async () => {
    const page = await fetch(`${a.url}/sign-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("strict-transport-security")).toContain("max-age=");

    const big = { email: "x@example.com", password: "x".repeat(1024 * 1024 + 10) };
    expect(await rawPost(a.url, "/api/auth/sign-in/email", big, { origin: PUBLIC })).toBe(413);
    expect(await rawPost(b.url, "/api/projects", big, { origin: PUBLIC, "transfer-encoding": "chunked" })).toBe(413);
    expect(await (await fetch(`${b.url}/api/ready`)).json()).toEqual({ ok: true });
  });

  it("scopes API keys to their organization, across instances", async () => {
    const owner = new Browser();
    await signUp(owner, a.url, "owner");
    await ownOrganization(owner, a.url, "Acme");
    expect((await owner.send(b.url, "POST", "/api/projects", { name: "Apollo" })).status).toBe(201);
    const stranger = new Browser();
    await signUp(stranger, b.url, "stranger");
    await ownOrganization(stranger, b.url, "Globex");
    const theirs = await stranger.send(b.url, "POST", "/api/projects", { name: "Secret" });

    const session = await owner.send(a.url, "GET", "/api/auth/get-session");
    const created = await owner.send(a.url, "POST", "/api/auth/api-key/create", { name: "ci", organizationId: session.body.session.activeOrganizationId });
    expect(created.status).toBe(200);
    const machine = { "x-api-key": created.body.key as string };
    const listed = await fetch(`${b.url}/api/projects`, { headers: machine });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { projects: { name: string }[] }).projects.map((p) => p.name)).toEqual(["Apollo"]);
    expect((await fetch(`${a.url}/api/projects/${theirs.body.project.id}`, { headers: machine })).status).toBe(404);
    expect((await fetch(`${a.url}/api/projects`, { headers: { "x-api-key": "forged" } })).status).toBe(401);
  });

  it("redirects a signed-in visitor only to paths on this site, whatever next= says", async () => {
    const visitor = new Browser();
    await signUp(visitor, a.url, "redirected");
    const spellings = ["//evil.example", "/\\evil.example", "/%09/evil.example", "/%5Cevil.example", "/%2F%2Fevil.example", "https://evil.example/", "http:evil.example", "\\\\evil.example", " //evil.example", "/%0a/evil.example", "javascript:alert(1)", "/.//evil.example"];
    for (const next of spellings) {
      const reply = await visitor.send(a.url, "GET", `/sign-in?next=${encodeURIComponent(next)}`);
      const location = reply.headers.get("location") ?? "";
      expect([302, 303], next).toContain(reply.status);
      const resolved = new URL(location, PUBLIC);
      expect(resolved.origin, `${next} → ${location}`).toBe(PUBLIC);
      expect(location.replace(/^\/+/, "/"), `${next} → ${location}`).not.toMatch(/^\/[\\/\t]/);
    }
    expect((await visitor.send(a.url, "GET", `/sign-in?next=${encodeURIComponent("/projects?x=1")}`)).headers.get("location")).toBe("/projects?x=1");
  });

  it("mails reset links on BETTER_AUTH_URL whatever Host and X-Forwarded-Host the request names", async () => {
    const user = new Browser();
    const email = await signUp(user, a.url, "poisoned");
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", origin: PUBLIC, "x-forwarded-for": user.address };
    const status = await rawPost(b.url, "/api/auth/request-password-reset", { email, redirectTo: "/reset-password" }, forged);
    expect(status).toBe(200);
    const sent = await mail.mailTo(email);
    expect(sent.authorization).toBe("Bearer re_stand_in");
    expect(sent.text).toContain(`${PUBLIC}/`);
    expect(`${sent.text}${sent.html}`).not.toContain("evil.example");
    // And no reset may send the user anywhere else afterwards.
    const elsewhere = await rawPost(a.url, "/api/auth/request-password-reset", { email, redirectTo: "https://evil.example/steal" }, { origin: PUBLIC, "x-forwarded-for": user.address });
    expect(elsewhere).toBe(403);
  });

  it("limits sign-in attempts per real client, counted once for both instances, in the database", async () => {
    const email = uniqueEmail("limited");
    // The client forges an X-Forwarded-For of its own each time; the load balancer appends the real address.
    const attempt = (base: string, n: number) =>
      fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: PUBLIC, "x-forwarded-for": `203.0.113.${n}, 198.51.100.77`, "x-real-ip": `198.51.100.${n}` },
        body: JSON.stringify({ email, password: "not the password" }),
      }).then((r) => r.status);
    const statuses = [await attempt(a.url, 1), await attempt(b.url, 2), await attempt(a.url, 3), await attempt(b.url, 4), await attempt(a.url, 5)];
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client is not held up by that one.
    const other = await fetch(`${b.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: PUBLIC, "x-forwarded-for": "198.51.100.78" },
      body: JSON.stringify({ email, password: "not the password" }),
    });
    expect(other.status).toBe(401);
    expect(target.rateLimitRows(image)).toEqual(expect.arrayContaining([{ key: "198.51.100.77|/sign-in/email", count: 3 }]));
  });

  it("refuses to start without BETTER_AUTH_URL, a valid TRUSTED_PROXIES or a long enough secret, naming the variable", async () => {
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{}, ["BETTER_AUTH_URL"], /BETTER_AUTH_URL is not set/],
      [{ TRUSTED_PROXIES: "10.0.0.0/33" }, [], /TRUSTED_PROXIES has a malformed entry "10.0.0.0\/33"/],
      [{ BETTER_AUTH_SECRET: "short" }, [], /BETTER_AUTH_SECRET is too short/],
    ];
    for (const [overrides, unset, message] of cases) {
      const env = stageEnv(image, { ...settings, ...overrides, PORT: String(await freePort()) });
      for (const name of unset) delete env[name];
      const run = await execa(image.cmd![0]!, image.cmd!.slice(1), { cwd: image.dir, env, extendEnv: false, reject: false, all: true, stdin: "ignore", timeout: 60_000 });
      expect(run.exitCode, run.all).toBe(1);
      expect(run.all).toMatch(message);
      expect(run.all).not.toMatch(/\n\s+at /);
    }
  });

  it("on SIGTERM answers the request in flight and sends its mail before it exits", async () => {
    const slow = await startResendStandIn(1500);
    const c = await startImage(image, { ...settings, RESEND_API_URL: slow.url });
    try {
      const user = new Browser();
      const email = await signUp(user, c.url, "draining");
      const reply = await fetch(`${c.url}/api/auth/request-password-reset`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: PUBLIC },
        body: JSON.stringify({ email, redirectTo: "/reset-password" }),
      });
      expect(reply.status).toBe(200);
      const exited = c.stop("SIGTERM");
      expect(await exited, c.output()).toBe(0);
      expect(slow.received.map((m) => m.to[0])).toContain(email);
      expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
