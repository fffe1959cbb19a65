// The admin plugin through the Worker: the role granted by the statement `npm run auth:admin` runs
// (here on the test's D1; the script hands it to wrangler), then used to list and ban users.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { grantAdminSql } from "../scripts/lib/grant-admin.mjs";
import { Client, PASSWORD, signedUpUser } from "./client.ts";

async function grantAdmin(email: string) {
  const { results } = await env.DB.prepare(grantAdminSql(email)!).all();
  return results.length;
}

describe("admin", () => {
  it("answers only admins, and auth:admin's statement makes an existing user one", async () => {
    const { client, email } = await signedUpUser("admin");
    expect((await client.get("/api/auth/admin/list-users")).status).toBe(403);
    expect(await grantAdmin(email.toUpperCase())).toBe(1);
    const listed = await client.get("/api/auth/admin/list-users?limit=100");
    expect(listed.status).toBe(200);
    expect(listed.body.users.map((u: { email: string }) => u.email)).toContain(email);
  });

  it("bans a user: their sessions end and signing in is refused; unbanned, they sign in again", async () => {
    const admin = await signedUpUser("banner");
    await grantAdmin(admin.email);
    const target = await signedUpUser("banned");

    expect((await admin.client.post("/api/auth/admin/ban-user", { userId: target.user.id, banReason: "spam" })).status).toBe(200);
    expect((await target.client.get("/api/auth/get-session")).body).toBeNull();
    const credentials = { email: target.email, password: PASSWORD };
    expect((await new Client().post("/api/auth/sign-in/email", credentials)).status).toBe(403);

    expect((await admin.client.post("/api/auth/admin/unban-user", { userId: target.user.id })).status).toBe(200);
    expect((await new Client().post("/api/auth/sign-in/email", credentials)).status).toBe(200);
  });

  it("changes nobody for an unknown address, and refuses an address that is not a plain one", async () => {
    expect(await grantAdmin("nobody@example.com")).toBe(0);
    expect(grantAdminSql("x'; DROP TABLE user; --@example.com")).toBeUndefined();
    expect(grantAdminSql("two words@example.com")).toBeUndefined();
  });
});
