// db:migrate — applies pending migrations from drizzle/ to the dev database (DB_FILE). Creates the file if needed.
import { createDatabase } from "../src/db/client";
import { migrateDatabase } from "../src/db/migrate";
import { databaseFile } from "../src/env";

const file = databaseFile();
const db = createDatabase(file);
try {
  const { applied, total } = migrateDatabase(db);
  console.log(
    applied > 0
      ? `Applied ${applied} migration(s) to ${file} (${total} applied in all).`
      : `${file} is up to date (${total} migration(s) applied).`,
  );
} catch (error) {
  console.error(`db:migrate failed on ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
