// Production migrations without dev dependencies: `node dist/migrate.js` (after `npm run build`)
// applies pending migrations from drizzle/ to DATABASE_URL, e.g. as a deploy step before `npm start`.
import { migrateDatabase } from "./db/migrate.ts";
import { env } from "./env.ts";

const { applied } = await migrateDatabase(env.DATABASE_URL);
console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s): ${applied.join(", ")}`);
