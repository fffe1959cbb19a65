// bun run auth:admin <email>: gives an existing user the admin role, so /admin/users and Better Auth's
// /api/auth/admin/* answer them. Works on the database file DB_FILE names (production's too).
import { eq } from "drizzle-orm";
import { existsSync } from "node:fs";
import { user } from "../src/db/auth.schema";
import { createDatabase } from "../src/db/client";
import { databaseFile } from "../src/env";

const [email, ...extra] = process.argv.slice(2).map((arg) => arg.trim().toLowerCase());
if (!email || extra.length > 0 || !email.includes("@")) {
  console.error("Give the address of one user who has signed up: bun run auth:admin person@example.com");
  process.exit(2);
}
const file = databaseFile();
if (file === ":memory:" || !existsSync(file)) {
  console.error(`There is no database at ${file}: run \`bun run db:migrate\`, sign up, then run this again.`);
  process.exit(1);
}

const db = createDatabase(file);
try {
  // Better Auth keeps addresses in lower case.
  const changed = db.update(user).set({ role: "admin", updatedAt: new Date() }).where(eq(user.email, email)).returning({ id: user.id }).all();
  if (changed.length === 0) {
    console.error(`No user has the address ${email}. Sign up with it first, then run: bun run auth:admin ${email}`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is an admin now: /admin/users lists every user (a signed-in session sees it within seconds).`);
  }
} finally {
  db.$client.close();
}
