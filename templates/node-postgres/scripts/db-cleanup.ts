// npm run db:cleanup: deletes expired sessions, verifications and invitations. Meant for cron, e.g.
//   15 3 * * *  cd /srv/app && npm run --silent db:cleanup
import { deleteExpiredRows } from "../src/db/cleanup.ts";
import { createDb, createPool } from "../src/db/index.ts";
import { withDatabase } from "./lib/database.ts";
import { main } from "./lib/main.ts";

main(async () => {
  await withDatabase(async (url) => {
    const pool = createPool(url);
    try {
      const now = new Date();
      const removed = await deleteExpiredRows(createDb(pool), now);
      console.log(
        `db:cleanup: removed ${removed.sessions} expired session(s), ${removed.verifications} verification(s), ` +
          `${removed.invitations} invitation(s) (expired before ${now.toISOString()})`,
      );
    } finally {
      await pool.end();
    }
  });
});
