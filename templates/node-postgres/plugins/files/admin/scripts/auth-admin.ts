// npm run auth:admin -- <email>: gives an existing user the admin role, so /admin/users and Better Auth's
// /api/auth/admin/* answer them. Works on the database DATABASE_URL names (production's too), else on
// this project's local server.
import pg from "pg";
import { withDatabase } from "./lib/database.ts";
import { main } from "./lib/main.ts";

const [email, ...extra] = process.argv.slice(2).map((arg) => arg.trim().toLowerCase());

main(async () => {
  if (!email || extra.length > 0 || !email.includes("@")) {
    console.error("Give the address of one user who has signed up: npm run auth:admin -- person@example.com");
    process.exitCode = 2;
    return;
  }
  await withDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // Better Auth keeps addresses in lower case; timestamps are UTC without a time zone.
      const result = await client.query(
        `UPDATE "user" SET role = 'admin', updated_at = now() AT TIME ZONE 'utc' WHERE email = $1 RETURNING id`,
        [email],
      );
      if (result.rowCount === 0) {
        console.error(`No user has the address ${email}. Sign up with it first, then run: npm run auth:admin -- ${email}`);
        process.exitCode = 1;
        return;
      }
      console.log(`${email} is an admin now: /admin/users lists every user (a signed-in session sees it within seconds).`);
    } finally {
      await client.end();
    }
  });
});
