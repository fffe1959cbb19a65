// The sign-in page offers a provider's button only when that provider is configured. Its own file:
// the providers are read from the environment when src/auth.ts loads.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.GITHUB_CLIENT_ID = "test-github-client-id";
  process.env.GITHUB_CLIENT_SECRET = "test-github-client-secret";
  delete process.env.GOOGLE_CLIENT_ID;
  delete process.env.GOOGLE_CLIENT_SECRET;
});

import { useServer } from "./helpers/server.ts";

const server = useServer();
afterAll(() => {
  delete process.env.GITHUB_CLIENT_ID;
  delete process.env.GITHUB_CLIENT_SECRET;
});

describe("social sign-in buttons", () => {
  it("shows GitHub (configured) and not Google (not configured)", async () => {
    const html = await (await fetch(`${server.origin}/sign-in`)).text();
    expect(html).toContain("Continue with GitHub");
    expect(html).not.toContain("Google");
  });

  it("sends the browser to GitHub's authorization page, with Better Auth's state cookie", async () => {
    const response = await fetch(`${server.origin}/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.origin, "sec-fetch-site": "same-origin" },
      body: "provider=github",
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin).toBe("https://github.com");
    expect(location.searchParams.get("client_id")).toBe("test-github-client-id");
    expect(response.headers.getSetCookie().join("\n")).toMatch(/state/);
  });
});
