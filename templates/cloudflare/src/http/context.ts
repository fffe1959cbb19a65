import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Auth, authFor, withExecutionContext } from "../auth.ts";
import { createDb, type Database } from "../db/index.ts";
import type { AppEnv } from "../env.ts";

/** What every handler can read: bindings in `c.env`, per-request services in `c.var`. */
export type AppContext = {
  Bindings: AppEnv;
  Variables: {
    db: Database;
    auth: Auth;
    /** Set by requireActiveOrganization for the routes behind it; null for a request made with an API key. */
    userId: string | null;
    organizationId: string;
  };
};

// Hono throws when there is none (app.request() in a test without one): mail is then awaited instead.
export function executionContext(c: Context): Pick<ExecutionContext, "waitUntil"> | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/** The rest of the request runs with its execution context known to Better Auth's background tasks. */
export const keepAliveTasks = createMiddleware<AppContext>((c, next) => withExecutionContext(executionContext(c), next));

/** The database handle from the Worker's bindings and the isolate's Better Auth, for this request. */
export const withServices = createMiddleware<AppContext>(async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("auth", authFor(c.env, c.req.raw, executionContext(c)));
  await next();
});
