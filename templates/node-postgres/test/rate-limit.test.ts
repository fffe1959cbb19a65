// In production (NODE_ENV unset) Better Auth's rate limits are on and key on the real client: a
// client that rotates X-Forwarded-For still runs into them.
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "./helpers/client.ts";
import { useProductionServer } from "./helpers/production-server.ts";

const PUBLIC_ORIGIN = "http://localhost:3000";
const server = useProductionServer({ NODE_ENV: undefined, BETTER_AUTH_SECRET: "a-production-like-secret-of-more-than-32-characters", BETTER_AUTH_URL: PUBLIC_ORIGIN });

describe("rate limits in production", () => {
  it("hold against a client that sends a new X-Forwarded-For with every wrong password", async () => {
    const email = uniqueEmail("rotating");
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const response = await fetch(`${server.origin}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: PUBLIC_ORIGIN, "x-forwarded-for": `203.0.113.${i}`, "x-authstack-client-address": `198.51.100.${i}` },
        body: JSON.stringify({ email, password: "not the password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);

    // Counted in the database, keyed on the socket's address: every instance on it shares the count.
    const { pool } = await import("../src/db/index.ts");
    const { rows } = await pool.query<{ count: number }>("select count from rate_limit where key = $1", ["127.0.0.1|/sign-in/email"]);
    expect(rows).toEqual([{ count: 3 }]);
  });

  it("has no dev mailbox", async () => {
    expect((await fetch(`${server.origin}/api/dev/mail`)).status).toBe(404);
  });
});
