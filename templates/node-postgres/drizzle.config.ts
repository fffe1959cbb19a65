import { defineConfig } from "drizzle-kit";
import "./src/load-env.ts";
import { LOCAL_DATABASE_URL } from "./src/db/local-url.ts";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
  dbCredentials: {
    // db:push and db:studio run through scripts/with-db.ts, which starts the local server when
    // this is the local URL.
    url: process.env.DATABASE_URL || LOCAL_DATABASE_URL,
  },
  verbose: true,
});
