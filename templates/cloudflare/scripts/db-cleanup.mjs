// `npm run db:cleanup`: the cron job's cleanup, run now against the local D1 database.
// Uses the Worker's own code (src/db/cleanup.ts) through wrangler's local bindings, so both delete the same rows.
import { applyOfflineEnv } from "./lib/run.mjs";

applyOfflineEnv();
const { getPlatformProxy } = await import("wrangler");
const { createDb } = await import("../src/db/client.ts");
const { deleteExpiredRows } = await import("../src/db/cleanup.ts");

/** @type {{ env: { DB: D1Database }, dispose: () => Promise<void> }} */
const { env, dispose } = await getPlatformProxy({ persist: true });
try {
  const removed = await deleteExpiredRows(createDb(env.DB));
  console.log(
    `Removed ${removed.sessions} expired session(s), ${removed.verifications} verification(s), ` +
      `${removed.invitations} invitation(s) from the local database.`,
  );
} finally {
  await dispose();
}
