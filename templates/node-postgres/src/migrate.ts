// Production migrations without dev dependencies: `npm run db:deploy` (`node dist/migrate.js`, after
// `npm run build`) applies pending migrations from drizzle/ to DATABASE_URL, e.g. before `npm start`
// (the Dockerfile does both). It needs DATABASE_URL only, not the server's settings.
import "./load-env.ts";
import { migrateDatabase } from "./db/migrate.ts";

const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error("DATABASE_URL is not set. Set it to the PostgreSQL to migrate, e.g. DATABASE_URL=postgresql://user:password@host:5432/app.");
  process.exit(1);
}
const { applied } = await migrateDatabase(url);
console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s): ${applied.join(", ")}`);
