// npm run auth:admin -- <email> [--remote]: gives an existing user the admin role, so /admin/users and
// Better Auth's /api/auth/admin/* answer them. The local D1 database; with --remote, the deployed one.
import { grantAdminSql } from "./lib/grant-admin.mjs";
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

const args = process.argv.slice(2);
const remote = args.includes("--remote");
const [email, ...extra] = args.filter((arg) => arg !== "--remote");
const sql = email === undefined || extra.length > 0 ? undefined : grantAdminSql(email);
if (!sql || !email) {
  console.error("Give the address of one user who has signed up: npm run auth:admin -- person@example.com [--remote]");
  process.exit(2);
}

const { code, stdout } = await runNode(
  WRANGLER_BIN,
  ["d1", "execute", "DB", remote ? "--remote" : "--local", "--json", "--command", sql],
  { capture: true, interactive: false },
);
if (code !== 0) {
  process.stderr.write(stdout);
  console.error(`Could not update the ${remote ? "remote" : "local"} D1 database (wrangler d1 execute failed, see above).`);
  process.exit(code);
}
const address = email.trim().toLowerCase();
/** @type {{ results: { id: string }[] }[]} */
const batches = JSON.parse(stdout);
if (batches.every((batch) => batch.results.length === 0)) {
  console.error(`No user has the address ${address}. Sign up with it first, then run: npm run auth:admin -- ${address}${remote ? " --remote" : ""}`);
  process.exit(1);
}
console.log(`${address} is an admin now: /admin/users lists every user (a signed-in session sees it within seconds).`);
