// What every response carries and what every request may send (security headers, the body limit),
// readiness, and the dev mailbox refusing what a proxy passed on.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { useServer } from "./helpers/server.ts";

const server = useServer();
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}${path}`, { headers, redirect: "manual" });

/** A POST on a connection of its own: the server closes one after a 413, which a pooled client could reuse. */
function post(path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(`${server.origin}${path}`, { method: "POST", headers, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

describe("every response", () => {
  it("carries nosniff, a referrer policy and a CSP no site can frame, on pages and on the API", async () => {
    for (const path of ["/sign-in", "/api/health", "/api/projects", "/no-such-page"]) {
      const { headers } = await get(path);
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      // Served over http here: HSTS only when BETTER_AUTH_URL is https.
      expect(headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("refuses a body over 1 MiB with 413 before it is parsed, on the API and on a form", async () => {
    const json = { "content-type": "application/json", origin: server.origin };
    const form = { "content-type": "application/x-www-form-urlencoded", origin: server.origin, "sec-fetch-site": "same-origin" };
    const big = "x".repeat(1024 * 1024 + 1);
    expect(await post("/api/auth/sign-in/email", json, JSON.stringify({ email: "a@example.com", password: big }))).toBe(413);
    expect(await post("/sign-in", form, `email=a%40example.com&password=${big}`)).toBe(413);
    // Just under the limit is read as usual (a wrong password, not 413).
    expect(await post("/api/auth/sign-in/email", json, JSON.stringify({ email: "a@example.com", password: "y".repeat(1000) }))).not.toBe(413);
  });
});

describe("GET /api/ready", () => {
  it("answers 200 while the database answers", async () => {
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
