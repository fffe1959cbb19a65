import { applyD1Migrations, env } from "cloudflare:test";

// The real migrations from drizzle/, the ones `npm run db:migrate` applies. Idempotent, and each
// test file starts from its own empty database.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
