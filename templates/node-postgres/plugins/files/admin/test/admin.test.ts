// The admin plugin over HTTP: the role granted by `npm run auth:admin`, then used to list and ban users.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { Client, PASSWORD, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();
const run = promisify(execFile);

/** npm run auth:admin -- <email>, as a person would run it, on the database the tests use. */
const grantAdmin = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/auth-admin.ts", ...args], { env: process.env }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

describe("admin", () => {
  it("answers only admins, and auth:admin makes an existing user one", async () => {
    const person = new Client(server);
    const { email } = await signUp(person, "admin");
    expect((await person.get("/api/auth/admin/list-users")).status).toBe(403);

    const granted = await grantAdmin(email.toUpperCase());
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stdout).toContain(`${email} is an admin now`);
    const listed = await person.get("/api/auth/admin/list-users?limit=100");
    expect(listed.status).toBe(200);
    expect(listed.body.users.map((u: { email: string }) => u.email)).toContain(email);
  });

  it("bans a user: their sessions end and signing in is refused; unbanned, they sign in again", async () => {
    const admin = new Client(server);
    const { email: adminEmail } = await signUp(admin, "banner");
    await grantAdmin(adminEmail);
    const target = new Client(server);
    const { email, userId } = await signUp(target, "banned");

    expect((await admin.post("/api/auth/admin/ban-user", { userId, banReason: "spam" })).status).toBe(200);
    expect((await target.get("/api/auth/get-session")).body).toBeNull();
    expect((await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(403);

    expect((await admin.post("/api/auth/admin/unban-user", { userId })).status).toBe(200);
    expect((await new Client(server).post("/api/auth/sign-in/email", { email, password: PASSWORD })).status).toBe(200);
  });

  it("refuses an address nobody signed up with, and a missing one", async () => {
    const unknown = await grantAdmin("nobody@example.test");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user has the address nobody@example.test");
    expect((await grantAdmin()).code).toBe(2);
  });
});
