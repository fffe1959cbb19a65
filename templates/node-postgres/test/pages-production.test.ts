// The pages with NODE_ENV=production behind a proxy: the public origin (BETTER_AUTH_URL) is not the
// address the server listens on. Form posts still reach Better Auth through its HTTP handler, so its
// rate limiter (on only in production) answers them; and the dev mailbox is gone.
import { describe, expect, it } from "vitest";
import { PASSWORD, uniqueEmail } from "./helpers/client.ts";
import { useProductionServer } from "./helpers/production-server.ts";

const PUBLIC_ORIGIN = "http://localhost:3000";
const server = useProductionServer({
  NODE_ENV: "production",
  BETTER_AUTH_SECRET: "a-production-like-secret-of-more-than-32-characters",
  BETTER_AUTH_URL: PUBLIC_ORIGIN,
});

/** A form posted by a page the browser loaded from the public origin. */
function submit(path: string, fields: Record<string, string>) {
  return fetch(`${server.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_ORIGIN, "sec-fetch-site": "same-origin" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("pages in production", () => {
  it("signs up from the public origin", async () => {
    const response = await submit("/sign-up", { name: "Prod", email: uniqueEmail("prod"), password: PASSWORD });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().join("\n")).toContain("better-auth.session_token=");
  });

  it("has no dev mailbox, in the navigation or at /dev/mail", async () => {
    const page = await (await fetch(`${server.origin}/sign-in`)).text();
    expect(page).toContain("API keys");
    expect(page).not.toContain("Dev mailbox");
    expect((await fetch(`${server.origin}/dev/mail`)).status).toBe(404);
  });

  it("rate-limits wrong passwords sent through the sign-in form, and says so on the page", async () => {
    const email = uniqueEmail("limited");
    const statuses: number[] = [];
    let last = "";
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await submit("/sign-in", { email, password: "not the password" });
      statuses.push(response.status);
      last = await response.text();
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(last).toContain("Too many attempts");
  });
});
