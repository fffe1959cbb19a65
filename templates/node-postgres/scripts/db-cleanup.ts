// npm run db:cleanup: deletes expired sessions, verifications and invitations. Meant for cron, e.g.
//   15 3 * * *  cd /srv/app && npm run --silent db:cleanup
import { deleteExpiredRows } from "../src/db/cleanup.ts";
import { withDatabase } from "./lib/database.ts";
import { main } from "./lib/main.ts";

main(async () => {
  await withDatabase(async (url) => {
    // src/db/index.ts reads DATABASE_URL when it loads: load it once the database (maybe our local
    // server, on the port it got) is known.
    process.env.DATABASE_URL = url;
    const { db, pool } = await import("../src/db/index.ts");
    try {
      const now = new Date();
      const removed = await deleteExpiredRows(db, now);
      console.log(
        `db:cleanup: removed ${removed.sessions} expired session(s), ${removed.verifications} verification(s), ` +
          `${removed.invitations} invitation(s) (expired before ${now.toISOString()})`,
      );
    } finally {
      await pool.end();
    }
  });
});
