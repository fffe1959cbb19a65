// A sign-up writes the user, then the account (D1 has no transaction for it). When the second write
// fails, the first is undone, so the address can sign up again.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Client, PASSWORD } from "./client.ts";

describe("sign-up", () => {
  it("leaves no user behind when its account cannot be written", async () => {
    // The database refuses this user's account row: the failure after the user row is written.
    await env.DB.prepare(
      "create trigger fail_account before insert on account when (select email from user where id = new.user_id) like 'halfway.%' begin select raise(abort, 'account insert refused by the test'); end",
    ).run();
    const body = { email: `halfway.${crypto.randomUUID().slice(0, 8)}@example.com`, password: PASSWORD, name: "Halfway" };
    const failed = await new Client().post("/api/auth/sign-up/email", body);
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect((await env.DB.prepare("select id from user where email = ?").bind(body.email).all()).results).toEqual([]);

    await env.DB.prepare("drop trigger fail_account").run();
    expect((await new Client().post("/api/auth/sign-up/email", body)).status).toBe(200);
  });
});
