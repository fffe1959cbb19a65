import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { createAuth } from "../src/auth.ts";
import type { AppEnv } from "../src/env.ts";
import { publicOrigin } from "../src/config/public-url.ts";
import { trustedOrigins } from "../src/trusted-origins.ts";
import { Client, PASSWORD, uniqueEmail } from "./client.ts";
import { workerWith } from "./worker.ts";

const withEnv = (overrides: Partial<AppEnv>): AppEnv => ({ ...env, ...overrides });

describe("BETTER_AUTH_SECRET", () => {
  it("is required, with a message naming the fix", () => {
    const request = new Request("http://localhost:8787/api/auth/ok");
    expect(() => createAuth(withEnv({ BETTER_AUTH_SECRET: "" }), request)).toThrow(
      /BETTER_AUTH_SECRET is not set.*\.dev\.vars.*wrangler secret put BETTER_AUTH_SECRET/,
    );
    expect(() => createAuth(withEnv({ BETTER_AUTH_SECRET: "short" }), request)).toThrow(/too short/);
  });

  it("missing, makes the auth API answer 500 with that message, while /api/health stays up", async () => {
    const broken = withEnv({ BETTER_AUTH_SECRET: "" });
    const auth = await app.request("/api/auth/get-session", {}, broken);
    expect(auth.status).toBe(500);
    expect(((await auth.json()) as { error: string }).error).toMatch(/BETTER_AUTH_SECRET is not set/);
    expect((await app.request("/api/health", {}, broken)).status).toBe(200);
  });
});

describe("BETTER_AUTH_SECRETS", () => {
  const OLD = "old-secret-of-more-than-32-characters-0123456789";
  const NEW = "new-secret-of-more-than-32-characters-9876543210";

  it("rotates the secret on a database that holds data: nobody is signed out, nothing answers 500", async () => {
    const before = workerWith({ BETTER_AUTH_SECRET: OLD });
    const owner = new Client(before);
    const email = uniqueEmail("rotator");
    expect((await owner.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Rotator" })).status).toBe(200);
    const created = await owner.post("/api/auth/organization/create", { name: "Rotator Inc", slug: `rotator-${crypto.randomUUID()}` });
    const organizationId = created.body.id as string;
    expect((await owner.post("/api/auth/organization/set-active", { organizationId })).status).toBe(200);
    expect((await owner.get("/api/auth/token")).status).toBe(200); // a signing key, encrypted with OLD
    const key = (await owner.post("/api/auth/api-key/create", { name: "ci", organizationId })).body.key as string;

    const after = workerWith({ BETTER_AUTH_SECRET: OLD, BETTER_AUTH_SECRETS: `1:${NEW}` });
    const stale = new Client(after);
    for (const [name, value] of owner.cookies) stale.cookies.set(name, value);
    // The old cookie, signed with OLD, still signs in: nobody is signed out.
    expect((await stale.get("/api/projects")).status).toBe(200);
    expect((await stale.get("/api/auth/token")).status).toBe(200);

    const again = new Client(after);
    expect((await again.post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    expect((await again.get("/api/auth/token")).status).toBe(200);
    expect((await again.post("/api/auth/organization/set-active", { organizationId })).status).toBe(200);
    expect((await again.get("/api/projects")).status).toBe(200);
    expect((await new Client(after).request("/api/projects", { headers: { "x-api-key": key } })).status).toBe(200);
  });

  it("replaced outright (no rotation), signs everyone out and answers no request with a 500", async () => {
    const before = workerWith({ BETTER_AUTH_SECRET: OLD });
    const owner = new Client(before);
    const email = uniqueEmail("replacer");
    expect((await owner.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Replacer" })).status).toBe(200);
    expect((await owner.get("/api/auth/token")).status).toBe(200); // a signing key only OLD opens

    const after = workerWith({ BETTER_AUTH_SECRET: NEW });
    const stale = new Client(after);
    for (const [name, value] of owner.cookies) stale.cookies.set(name, value);
    expect((await stale.get("/api/projects")).status).toBe(401);
    const again = new Client(after);
    expect((await again.post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
    const token = await again.get("/api/auth/token");
    expect(token.status).toBe(200);
    const { kid } = JSON.parse(atob((token.body.token as string).split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))) as { kid: string };
    expect((await again.get("/api/auth/jwks")).body.keys.map((k: { kid: string }) => k.kid)).toContain(kid);
  });

  it("refuses a malformed or short entry, naming it", () => {
    const request = new Request("http://localhost:8787/api/auth/ok");
    expect(() => createAuth(withEnv({ BETTER_AUTH_SECRETS: NEW }), request)).toThrow('BETTER_AUTH_SECRETS must be "<version>:<secret>" entries');
    expect(() => createAuth(withEnv({ BETTER_AUTH_SECRETS: "1:tiny" }), request)).toThrow("BETTER_AUTH_SECRETS version 1 is too short");
  });
});

describe("trusted origins", () => {
  const at = (url: string) => new URL(url);

  it("are BETTER_AUTH_URL's origin outside development", () => {
    const production = withEnv({ ENVIRONMENT: "production", BETTER_AUTH_URL: "https://app.example.com/" });
    expect(trustedOrigins(production, at("http://localhost:4321/api/auth/sign-in/email"))).toEqual([
      "https://app.example.com",
    ]);
    expect(trustedOrigins(withEnv({ ENVIRONMENT: "production", BETTER_AUTH_URL: "" }), at("https://x.workers.dev/"))).toEqual([]);
  });

  it("add both loopback origins of the port the dev server answers on, in development", () => {
    const development = withEnv({ ENVIRONMENT: "development", BETTER_AUTH_URL: "http://localhost:8787" });
    expect(trustedOrigins(development, at("http://127.0.0.1:4321/api/auth/sign-in/email")).sort()).toEqual([
      "http://127.0.0.1:4321",
      "http://localhost:4321",
      "http://localhost:8787",
    ]);
  });

  it("never add a non-loopback host, even in development", () => {
    const development = withEnv({ ENVIRONMENT: "development", BETTER_AUTH_URL: "http://localhost:8787" });
    expect(trustedOrigins(development, at("http://192.168.1.10:4321/"))).toEqual(["http://localhost:8787"]);
  });
});

describe("BETTER_AUTH_URL in production", () => {
  it("is required: without it the auth API answers 500 naming it, and no link is built from the request's Host", async () => {
    const reply = await app.request(
      "https://evil.example/api/auth/request-password-reset",
      { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: JSON.stringify({ email: "a@example.com" }) },
      withEnv({ ENVIRONMENT: "production", BETTER_AUTH_URL: "" }),
    );
    expect(reply.status).toBe(500);
    expect(JSON.stringify(await reply.json())).toContain("BETTER_AUTH_URL is not set");
  });

  it("must be https unless it is this machine", () => {
    expect(() => publicOrigin("http://app.example", true)).toThrow('BETTER_AUTH_URL is "http://app.example": plain http in production');
    expect(publicOrigin("http://localhost:8787", true)).toBe("http://localhost:8787");
    expect(publicOrigin("https://app.example", true)).toBe("https://app.example");
    expect(publicOrigin("", false)).toBeUndefined();
    expect(() => publicOrigin("app.example", true)).toThrow("is not a URL");
  });
});

describe("cookies", () => {
  it("are Secure when BETTER_AUTH_URL is https", async () => {
    const origin = "https://authstack.example.workers.dev";
    const deployed = withEnv({ ENVIRONMENT: "production", BETTER_AUTH_URL: origin });
    const reply = await app.request(
      `${origin}/api/auth/sign-up/email`,
      {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough password", name: "S" }),
      },
      deployed,
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.getSetCookie().join("\n")).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/m);
  });
});
