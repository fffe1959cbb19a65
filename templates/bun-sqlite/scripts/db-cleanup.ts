// db:cleanup — deletes expired sessions, verification tokens and invitations from the dev database (DB_FILE).
// Idempotent and quick, so it is safe to run from cron; the exit code is non-zero only on failure.
import { existsSync } from "node:fs";
import { createDatabase } from "../src/db/client";
import { deleteExpired } from "../src/db/cleanup";
import { databaseFile } from "../src/env";

const file = databaseFile();
if (file !== ":memory:" && !existsSync(file)) {
  console.log(`Nothing to clean: ${file} does not exist yet (run db:migrate first).`);
} else {
  const db = createDatabase(file);
  try {
    const removed = deleteExpired(db);
    console.log(
      `Removed ${removed.sessions} expired session(s), ${removed.verifications} verification(s) ` +
        `and ${removed.invitations} invitation(s) from ${file}.`,
    );
  } catch (error) {
    console.error(`db:cleanup failed on ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    db.$client.close();
  }
}
