import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { authFor } from "../src/auth.ts";
import type { AppEnv } from "../src/env.ts";
import { ORIGIN, PASSWORD, uniqueEmail } from "./client.ts";

const ctx = { waitUntil() {} };

describe("one Better Auth per isolate", () => {
  it("is built once for the isolate's bindings and origin, and again for other ones", () => {
    const first = authFor(env, new Request(`${ORIGIN}/api/auth/get-session`), ctx);
    expect(authFor(env, new Request(`${ORIGIN}/projects`), ctx)).toBe(first);
    // Outside production the dev server's origin shapes the trusted origins and the links.
    expect(authFor(env, new Request("http://127.0.0.1:8787/"), ctx)).not.toBe(first);
    expect(authFor({ ...env }, new Request(`${ORIGIN}/`), ctx)).not.toBe(first);
    // Without an execution context (app.request() in a test) its mail is awaited instead.
    expect(authFor(env, new Request(`${ORIGIN}/`))).not.toBe(first);
  });

  it("is one instance for every origin in production, where none of its settings come from the request", () => {
    const production = { ...env, ENVIRONMENT: "production", BETTER_AUTH_URL: "https://app.example.com" } as AppEnv;
    const first = authFor(production, new Request("https://app.example.com/"), ctx);
    expect(authFor(production, new Request("https://evil.example/"), ctx)).toBe(first);
    expect(first.options.baseURL).toBe("https://app.example.com");
  });

  it("keeps each request's mail alive with that request's own waitUntil, though they share the instance", async () => {
    const bindings = { ...env };
    const signUp = async () => {
      const context = createExecutionContext();
      const kept: Promise<unknown>[] = [];
      const watched = Object.assign(Object.create(context), { waitUntil: (task: Promise<unknown>) => (kept.push(task), context.waitUntil(task)) });
      const response = await app.fetch(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { origin: ORIGIN, "content-type": "application/json", "cf-connecting-ip": "127.0.0.1" },
          body: JSON.stringify({ email: uniqueEmail("isolate"), password: PASSWORD, name: "Isolate" }),
        }),
        bindings,
        watched,
      );
      await waitOnExecutionContext(context);
      return { status: response.status, kept: kept.length };
    };
    const first = await signUp();
    const second = await signUp();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    // The verification mail of each goes out after its response, under its own request.
    expect(first.kept).toBeGreaterThan(0);
    expect(second.kept).toBeGreaterThan(0);
  });
});
