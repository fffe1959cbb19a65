// npm run db:migrate: applies pending migrations from drizzle/ to the dev database. Safe to rerun.
import { migrateDatabase } from "../src/db/migrate.ts";
import { withDatabase } from "./lib/database.ts";
import { main, redact } from "./lib/main.ts";

main(async () => {
  await withDatabase(async (url) => {
    const { applied } = await migrateDatabase(url);
    const where = redact(url);
    console.log(
      applied.length === 0
        ? `No pending migrations: ${where} is up to date.`
        : `Applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}`,
    );
  });
});
