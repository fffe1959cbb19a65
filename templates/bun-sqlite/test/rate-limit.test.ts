// In production (NODE_ENV unset) Better Auth's rate limits are on and key on the real client: a
// client that rotates X-Forwarded-For still runs into them.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type TestServer } from "./support/server";

const BETTER_AUTH_URL = "http://localhost:3000";
const saved = { NODE_ENV: process.env.NODE_ENV, BETTER_AUTH_URL: process.env.BETTER_AUTH_URL };
let server: TestServer;

beforeAll(() => {
  delete process.env.NODE_ENV;
  process.env.BETTER_AUTH_URL = BETTER_AUTH_URL;
  server = startServer();
});
afterAll(async () => {
  await server.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("rate limits in production", () => {
  test("hold against a client that sends a new X-Forwarded-For with every wrong password", async () => {
    const email = `rotating.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BETTER_AUTH_URL, "x-forwarded-for": `203.0.113.${i}`, "x-authstack-client-address": `198.51.100.${i}` },
        body: JSON.stringify({ email, password: "not the password" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);

    // Counted in the database, keyed on the socket's address: every process on the file shares the count.
    const rows = server.db.$client.query("select key, count from rate_limit where key = ?").all("127.0.0.1|/sign-in/email");
    expect(rows).toEqual([{ key: "127.0.0.1|/sign-in/email", count: 3 }]);
  });

  test("has no dev mailbox", async () => {
    expect((await fetch(`${server.url}/api/dev/mail`)).status).toBe(404);
  });
});
