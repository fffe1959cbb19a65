import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { user } from "../src/db/schema";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

describe("email and password", () => {
  test("sign-up creates the user and a session cookie", async () => {
    const { client, user: created, email } = await signUp(server.url, "Ada");
    expect(created.email).toBe(email);

    const row = server.db.select().from(user).where(eq(user.id, created.id)).get();
    expect(row?.name).toBe("Ada");
    expect(row?.createdAt).toBeInstanceOf(Date);

    const session = await client.get("/api/auth/get-session");
    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(created.id);
  });

  test("sign-in with the right password gives a session, a wrong one a 401", async () => {
    const { email, password, user: created } = await signUp(server.url, "Grace");

    const stranger = new Client(server.url);
    const wrong = await stranger.post("/api/auth/sign-in/email", { email, password: `${password}-nope` });
    expect(wrong.status).toBe(401);
    expect((await stranger.get("/api/auth/get-session")).body).toBeNull();

    const browser = new Client(server.url);
    const signedIn = await browser.post("/api/auth/sign-in/email", { email, password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.getSetCookie().join()).toContain("better-auth.session_token=");
    const session = await browser.get("/api/auth/get-session");
    expect(session.body.user.id).toBe(created.id);
  });

  test("sign-out ends the session", async () => {
    const { client } = await signUp(server.url);
    expect((await client.get("/api/projects")).status).not.toBe(401);

    const out = await client.post("/api/auth/sign-out");
    expect(out.status).toBe(200);
    expect((await client.get("/api/auth/get-session")).body).toBeNull();
    expect((await client.get("/api/projects")).status).toBe(401);
  });

  test("a sign-in posted from a foreign origin is refused", async () => {
    const { email, password } = await signUp(server.url);
    const attacker = new Client(server.url, "http://evil.example");
    const response = await attacker.post("/api/auth/sign-in/email", { email, password });
    expect(response.status).toBe(403);
  });

  test("both loopback names of the served port are trusted origins", async () => {
    const { email, password } = await signUp(server.url);
    const port = new URL(server.url).port;
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const response = await new Client(server.url, origin).post("/api/auth/sign-in/email", { email, password });
      expect(response.status).toBe(200);
    }
  });
});

describe("plumbing", () => {
  test("health and the auth ok endpoint answer JSON", async () => {
    const client = new Client(server.url);
    expect(await client.get("/api/health")).toMatchObject({ status: 200, body: { ok: true } });
    expect(await client.get("/api/auth/ok")).toMatchObject({ status: 200, body: { ok: true } });
  });

  test("unknown routes are a JSON 404", async () => {
    const response = await new Client(server.url).get("/api/nope");
    expect(response).toMatchObject({ status: 404, body: { error: "Not found" } });
  });
});
