// The admin plugin over HTTP: the role granted by `bun run auth:admin`, then used to list and ban users.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Client } from "./support/client";
import { signUp } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server.stop());

/** bun run auth:admin <email>, as a person would run it, on this test's database file. */
async function grantAdmin(...args: string[]) {
  const child = Bun.spawn([process.execPath, "scripts/auth-admin.ts", ...args], {
    env: { ...process.env, DB_FILE: server.file },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
  return { code, stdout, stderr };
}

describe("admin", () => {
  test("answers only admins, and auth:admin makes an existing user one", async () => {
    const { client, email } = await signUp(server.url, "Admin");
    expect((await client.get("/api/auth/admin/list-users")).status).toBe(403);

    const granted = await grantAdmin(email.toUpperCase());
    expect(granted.stderr).toBe("");
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(`${email} is an admin now`);
    const listed = await client.get("/api/auth/admin/list-users?limit=100");
    expect(listed.status).toBe(200);
    expect(listed.body.users.map((u: { email: string }) => u.email)).toContain(email);
  });

  test("bans a user: their sessions end and signing in is refused; unbanned, they sign in again", async () => {
    const admin = await signUp(server.url, "Banner");
    await grantAdmin(admin.email);
    const target = await signUp(server.url, "Banned");

    expect((await admin.client.post("/api/auth/admin/ban-user", { userId: target.user.id, banReason: "spam" })).status).toBe(200);
    expect((await target.client.get("/api/auth/get-session")).body).toBeNull();
    const credentials = { email: target.email, password: target.password };
    expect((await new Client(server.url).post("/api/auth/sign-in/email", credentials)).status).toBe(403);

    expect((await admin.client.post("/api/auth/admin/unban-user", { userId: target.user.id })).status).toBe(200);
    expect((await new Client(server.url).post("/api/auth/sign-in/email", credentials)).status).toBe(200);
  });

  test("refuses an address nobody signed up with, and a missing one", async () => {
    const unknown = await grantAdmin("nobody@example.com");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user has the address nobody@example.com");
    expect((await grantAdmin()).code).toBe(2);
  });
});
