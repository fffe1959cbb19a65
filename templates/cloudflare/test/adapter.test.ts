// The app's drizzle adapter (src/auth.ts) under Better Auth's adapter suites, inside workerd on this file's
// own local D1 with drizzle/ applied (test/setup.ts): the suites delete every auth row they can see.
import { env } from "cloudflare:test";
import { createAuth } from "../src/auth.ts";
import { runAdapterSuites } from "./adapter-suites.ts";

await runAdapterSuites(createAuth(env, new Request("http://localhost:8787/")).options.database, {
  "transaction - should rollback failing transaction":
    "D1 has no transaction that spans awaits; src/db/undo-on-failure.ts undoes instead (test/sign-up-undo.test.ts)",
});
