import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigError } from "../env.ts";

const MIGRATE_FIX =
  "The database is missing tables: apply the migrations with `npm run db:migrate` (local) or `npm run db:deploy`.";

/** True when D1 reports a missing table anywhere in the error's cause chain (drizzle wraps D1's error). */
function isMissingTable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.message.includes("no such table")) return true;
  }
  return false;
}

/** JSON errors everywhere. Internals are logged, never sent; misconfigurations say how to fix them. */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
  if (error instanceof ConfigError) {
    console.error(error.message);
    return c.json({ error: error.message }, 500);
  }
  if (isMissingTable(error)) {
    console.error(MIGRATE_FIX, error);
    return c.json({ error: MIGRATE_FIX }, 500);
  }
  console.error(error);
  return c.json({ error: "Internal Server Error" }, 500);
};

export const notFound: NotFoundHandler = (c) => c.json({ error: "Not Found" }, 404);
