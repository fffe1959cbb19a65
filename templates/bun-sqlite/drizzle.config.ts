import { defineConfig } from "drizzle-kit";

// drizzle-kit runs under Node when started by npm/pnpm/yarn, which do not read .env; Bun already did.
try {
  process.loadEnvFile?.(".env");
} catch {
  // No .env: the default database file is used.
}

const file = process.env.DB_FILE?.trim() || "data/app.db";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  // drizzle-kit talks to SQLite through @libsql/client (prebuilt binaries, no native build); it wants a URL.
  dbCredentials: { url: file === ":memory:" ? file : `file:${file}` },
  strict: true,
  verbose: true,
});
