// What every response carries and what every request may send (security headers, the body limit),
// readiness, and the dev mailbox refusing what a proxy passed on.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./client.ts";

const LOOPBACK = { "cf-connecting-ip": "127.0.0.1" };
const get = (path: string, headers: Record<string, string> = {}) => SELF.fetch(`${ORIGIN}${path}`, { headers: { ...LOOPBACK, ...headers }, redirect: "manual" });

describe("every response", () => {
  it("carries nosniff, a referrer policy and a CSP no site can frame, on pages and on the API", async () => {
    for (const path of ["/sign-in", "/api/health", "/api/projects", "/no-such-page"]) {
      const { headers } = await get(path);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      // Served over http here: HSTS only over https.
      expect(headers.get("strict-transport-security"), path).toBeNull();
    }
    expect((await SELF.fetch("https://app.example/api/health")).headers.get("strict-transport-security")).toContain("max-age=");
  });

  it("refuses a body over 1 MiB with 413 before it is parsed, on the API and on a form", async () => {
    // Just under the limit is read as usual (a wrong password, not 413). First: a 413 closes its connection.
    const fits = await SELF.fetch(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...LOOPBACK },
      body: JSON.stringify({ email: "a@example.com", password: "y".repeat(1000) }),
    });
    expect(fits.status).not.toBe(413);
    const big = "x".repeat(1024 * 1024 + 1);
    const json = await SELF.fetch(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...LOOPBACK },
      body: JSON.stringify({ email: "a@example.com", password: big }),
    });
    expect(json.status).toBe(413);
    const form = await SELF.fetch(`${ORIGIN}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin", ...LOOPBACK },
      body: `email=a%40example.com&password=${big}`,
    });
    expect(form.status).toBe(413);
  });
});

describe("GET /api/ready", () => {
  it("answers 200 while D1 answers", async () => {
    const response = await get("/api/ready");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe("the dev mailbox behind a proxy", () => {
  it("is 404 to a request that carries a forwarding header, even from this machine", async () => {
    expect((await get("/api/dev/mail")).status).toBe(200);
    const forwarded: Record<string, string>[] = [{ "x-forwarded-for": "203.0.113.9" }, { forwarded: "for=203.0.113.9" }, { "x-forwarded-host": "app.example" }, { "x-real-ip": "203.0.113.9" }];
    for (const headers of forwarded) {
      expect((await get("/api/dev/mail", headers)).status, JSON.stringify(headers)).toBe(404);
      expect((await get("/dev/mail", headers)).status, JSON.stringify(headers)).toBe(404);
    }
  });
});
