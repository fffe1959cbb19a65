import { defineConfig } from "drizzle-kit";
import "./src/load-env.ts";
import { LOCAL_NOT_RUNNING_URL, runningLocalDatabaseUrl } from "./src/db/local-url.ts";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  dbCredentials: {
    // db:push and db:studio run through scripts/with-db.ts, which starts the local server when
    // DATABASE_URL is empty and passes its URL in.
    url: process.env.DATABASE_URL || runningLocalDatabaseUrl() || LOCAL_NOT_RUNNING_URL,
  },
  verbose: true,
});
