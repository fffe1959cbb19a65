// Preloaded by `bun test` (bunfig.toml). Importing src/auth.ts opens the app's default database; in tests that
// must never be the developer's file. Each test builds its own app on its own database (test/support/).
process.env.DB_FILE = ":memory:";
