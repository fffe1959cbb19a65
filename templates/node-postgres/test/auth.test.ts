import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { Client, PASSWORD, signUp, uniqueEmail } from "./helpers/client.ts";
import { useServer, type TestServer } from "./helpers/server.ts";

const server = useServer();

// node:http instead of fetch: fetch always adds Sec-Fetch-Mode, which marks a request as a browser's.
function rawPost(target: TestServer, path: string, body: unknown) {
  return new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
    const req = request(`${target.origin}${path}`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe("email and password auth over HTTP", () => {
  it("answers the health check and Better Auth's ok endpoint", async () => {
    const client = new Client(server);
    expect(await client.get("/api/health")).toMatchObject({ status: 200, body: { ok: true } });
    expect(await client.get("/api/auth/ok")).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("signs up, reads the session, signs out, signs back in", async () => {
    const client = new Client(server);
    const email = uniqueEmail("alice");

    const signUpReply = await client.post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Alice" });
    expect(signUpReply.status).toBe(200);
    expect(signUpReply.body.user).toMatchObject({ email, name: "Alice", emailVerified: false });
    // Plain http in dev: the session cookie must not be Secure-only, or browsers drop it.
    const setCookie = signUpReply.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/better-auth\.session_token=/);
    expect(setCookie).not.toMatch(/;\s*secure/i);

    const session = await client.get("/api/auth/get-session");
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(email);
    expect(session.body.session.userId).toBe(signUpReply.body.user.id);

    expect((await client.post("/api/auth/sign-out")).status).toBe(200);
    const afterSignOut = await client.get("/api/auth/get-session");
    expect(afterSignOut.status).toBe(200);
    expect(afterSignOut.body).toBeNull();

    const signIn = await client.post("/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.email).toBe(email);
    expect((await client.get("/api/auth/get-session")).body.user.email).toBe(email);
  });

  it("rejects a wrong password with 401 and no session", async () => {
    const owner = new Client(server);
    const { email } = await signUp(owner, "bob");

    const stranger = new Client(server);
    const reply = await stranger.post("/api/auth/sign-in/email", { email, password: "not the password" });
    expect(reply.status).toBe(401);
    expect(stranger.hasCookies()).toBe(false);
    expect((await stranger.get("/api/auth/get-session")).body).toBeNull();
  });

  it("rejects a duplicate sign-up", async () => {
    const client = new Client(server);
    const { email } = await signUp(client, "carol");
    const again = await new Client(server).post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Carol" });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it("accepts sign-up and sign-in from the server's own origin, on localhost and on 127.0.0.1", async () => {
    const port = new URL(server.origin).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const email = uniqueEmail("origin");
      const signUpReply = await new Client(server).post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "O" }, { origin });
      expect(signUpReply.status, `sign-up from ${origin}`).toBe(200);
      const signIn = await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD }, { origin });
      expect(signIn.status, `sign-in from ${origin}`).toBe(200);
    }
  });

  it("accepts sign-up and sign-in from a non-browser client (no Origin, no Sec-Fetch headers, like curl)", async () => {
    const email = uniqueEmail("curl");
    const signUpReply = await rawPost(server, "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Curl" });
    expect(signUpReply.status).toBe(200);
    const signIn = await rawPost(server, "/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.setCookie.join("\n")).toMatch(/better-auth\.session_token=/);
  });

  it("refuses a cross-site origin", async () => {
    const victim = new Client(server);
    const { email } = await signUp(victim, "dave");
    const reply = await new Client(server).post(
      "/api/auth/sign-in/email",
      { email, password: PASSWORD },
      { origin: "http://evil.example" },
    );
    expect(reply.status).toBe(403);
  });

  it("answers unknown routes with a JSON 404", async () => {
    const reply = await new Client(server).get("/api/nope");
    expect(reply).toMatchObject({ status: 404, body: { error: "Not found" } });
  });
});
