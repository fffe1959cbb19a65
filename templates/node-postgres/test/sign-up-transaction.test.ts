// A sign-up writes the user and the account in one transaction: when the second write fails, the
// first is undone, so the address can sign up again (instead of a user who can neither sign in nor up).
import { afterAll, describe, expect, it } from "vitest";
import { pool } from "../src/db/index.ts";
import { Client, PASSWORD, uniqueEmail } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

afterAll(async () => {
  await pool.query("drop trigger if exists fail_account on account; drop function if exists fail_account()");
});

describe("sign-up", () => {
  it("leaves no user behind when writing the account fails", async () => {
    const email = uniqueEmail("halfway");
    // The database refuses this user's account row: the failure after the user row is written.
    await pool.query(`
      create function fail_account() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from "user" where id = new.user_id and email like 'halfway-%') then
          raise exception 'account insert refused by the test';
        end if;
        return new;
      end $$;
      create trigger fail_account before insert on account for each row execute function fail_account();
    `);
    const failed = await new Client(server).post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Halfway" });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect((await pool.query(`select id from "user" where email = $1`, [email])).rows).toEqual([]);

    await pool.query("drop trigger fail_account on account; drop function fail_account()");
    const again = await new Client(server).post("/api/auth/sign-up/email", { email, password: PASSWORD, name: "Halfway" });
    expect(again.status).toBe(200);
  });
});
