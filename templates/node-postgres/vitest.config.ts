import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts (or reuses) the local PostgreSQL once per run; DATABASE_URL elsewhere is used as is.
    globalSetup: ["test/setup/global.ts"],
    // Gives every test file its own freshly migrated database, dropped afterwards.
    setupFiles: ["test/setup/database.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
