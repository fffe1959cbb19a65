// A sign-up writes the user, then the account. When the second write fails, the first is undone, so the
// address can sign up again (instead of a user who can neither sign in nor sign up).
import { afterEach, beforeEach, expect, test } from "bun:test";
import { Client } from "./support/client";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

test("a sign-up whose account cannot be written leaves no user behind", async () => {
  // The database refuses this user's account row: the failure after the user row is written.
  server.db.$client.run(`
    create trigger fail_account before insert on account
    when (select email from user where id = new.user_id) like 'halfway.%'
    begin select raise(abort, 'account insert refused by the test'); end
  `);
  const body = { email: `halfway.${crypto.randomUUID().slice(0, 8)}@example.com`, password: "correct horse battery staple", name: "Halfway" };
  const failed = await new Client(server.url).post("/api/auth/sign-up/email", body);
  expect(failed.status).toBeGreaterThanOrEqual(400);
  expect(server.db.$client.query("select id from user where email = ?").all(body.email)).toEqual([]);

  server.db.$client.run("drop trigger fail_account");
  expect((await new Client(server.url).post("/api/auth/sign-up/email", body)).status).toBe(200);
});
