import { defineConfig } from "drizzle-kit";

// `generate` and `check` work offline, from the schema alone. `push` and `studio` work on the *remote*
// D1 over Cloudflare's HTTP API; local data lives in wrangler's state (`wrangler d1 execute DB --local`).
// Their credentials come from the environment or a git-ignored .env.
try {
  process.loadEnvFile(".env");
} catch {
  // No .env: the environment alone.
}

const command = process.argv.find((arg) => ["push", "studio", "pull", "migrate"].includes(arg));

// Wrangler applies drizzle/ and records it in d1_migrations; drizzle-kit's migrate would keep a second,
// diverging record (__drizzle_migrations) and apply everything again.
if (command === "migrate") {
  throw new Error("Apply migrations with wrangler: `npm run db:migrate` (local) or `npm run db:deploy`.");
}

const credentials = {
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID ?? "",
  databaseId: process.env.CLOUDFLARE_DATABASE_ID ?? "",
  token: process.env.CLOUDFLARE_D1_TOKEN ?? "",
};
if (command && !(credentials.accountId && credentials.databaseId && credentials.token)) {
  throw new Error(
    `drizzle-kit ${command} works on the remote D1 database: set CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_DATABASE_ID ` +
      "and CLOUDFLARE_D1_TOKEN in the environment or in .env (README, \"Remote database with drizzle-kit\").",
  );
}

export default defineConfig({
  dialect: "sqlite",
  driver: "d1-http",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  dbCredentials: credentials,
  // Tables that are not in the schema but must never be dropped by `push`: wrangler's migration log
  // and D1's internal _cf_* tables.
  tablesFilter: ["!d1_migrations", "!_cf_*"],
  strict: true,
  verbose: true,
});
