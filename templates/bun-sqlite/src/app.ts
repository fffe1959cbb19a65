import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Auth } from "./auth";
import type { Database } from "./db";
import { authBaseURL } from "./env";
import { forgetOnAuthChanges } from "./http/auth-cache.ts";
import { crossOrigin } from "./http/cross-origin.ts";
import { withClientIp } from "./http/client-ip.ts";
import { devOnly } from "./http/dev-only.ts";
import { limitBody, readiness, securityHeaders } from "./http/protect.ts";
import { resignRotatedCookies } from "./http/rotated-cookies.ts";
import { isDraining } from "./http/shutdown.ts";
import { listMail } from "./mail/mailbox.ts";
import { requireTenant } from "./middleware/session";
import { trustedOrigins } from "./origins";
import { createPages } from "./pages/index.tsx";
import { pageRuntime } from "./pages/runtime.ts";
import { projectRoutes } from "./routes/projects";

/**
 * The whole HTTP app, built from its dependencies so tests can run it on a database of their own.
 * JSON under /api, errors included; HTML pages everywhere else.
 */
export function createApp({ db, auth }: { db: Database; auth: Auth }) {
  const app = new Hono();

  // Security headers on every response, and no body over 1 MiB is read.
  app.use("*", securityHeaders(() => authBaseURL()?.startsWith("https:") === true), limitBody);
  // After a secret rotation (BETTER_AUTH_SECRETS), cookies signed with an older secret still sign in.
  app.use("*", resignRotatedCookies(() => auth.options));

  // CORS with credentials for TRUSTED_ORIGINS (a separate front end); other origins' writes get 403.
  app.use("/api/*", crossOrigin(() => trustedOrigins()));

  // A change made through Better Auth (a sign-out, a removed member, a deleted key) is seen at once here.
  app.use("/api/auth/*", forgetOnAuthChanges);
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(withClientIp(c)));

  app.get("/api/health", (c) => c.json({ ok: true }));
  // Readiness: whether this instance can serve, for a load balancer to route around it while not.
  app.get("/api/ready", readiness(async () => db.run(sql`select 1`), isDraining));

  // "/api/projects/*" also matches "/api/projects" itself.
  app.use("/api/projects/*", requireTenant(auth, db));
  app.route("/api/projects", projectRoutes(db));

  // The dev mailbox: outside production, to this machine only.
  app.get("/api/dev/mail", devOnly, (c) => c.json({ messages: listMail() }));

  // The HTML pages (sign-up, sign-in, home, projects, API keys, ...): forms over the API above.
  app.route("/", createPages(app, pageRuntime(auth, db)));

  app.notFound((c) => c.json({ error: "Not found" }, 404));
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    console.error(err);
    return c.json({ error: "Internal server error" }, 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
