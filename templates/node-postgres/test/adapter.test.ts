// The app's drizzle adapter (src/auth.ts) under Better Auth's adapter suites, on this file's own migrated
// database (test/setup/database.ts): the suites delete every auth row they can see.
import { auth } from "../src/auth.ts";
import { runAdapterSuites } from "./adapter-suites.ts";

await runAdapterSuites(auth.options.database);
