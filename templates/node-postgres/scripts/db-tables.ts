// npm run db:tables: prints ONE line, {"tables":[...]}, the tables of the dev database's current
// schema (drizzle's own bookkeeping lives in the `drizzle` schema and is not listed).
import pg from "pg";
import { withDatabase } from "./lib/database.ts";
import { main } from "./lib/main.ts";

main(async () => {
  await withDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          ORDER BY table_name`,
      );
      process.stdout.write(`${JSON.stringify({ tables: result.rows.map((row) => row.name) })}\n`);
    } finally {
      await client.end();
    }
  });
});
