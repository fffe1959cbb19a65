import { Hono } from "hono";
import { authSecrets } from "./config/auth-secrets.ts";
import { forgetOnAuthChanges } from "./http/auth-cache.ts";
import { type AppContext, keepAliveTasks, withServices } from "./http/context.ts";
import { crossOrigin } from "./http/cross-origin.ts";
import { withClientIp } from "./http/client-ip.ts";
import { devOnly } from "./http/dev-only.ts";
import { limitBody, readiness, securityHeaders } from "./http/protect.ts";
import { resignRotatedCookies } from "./http/rotated-cookies.ts";
import { notFound, onError } from "./http/errors.ts";
import { createPages } from "./pages/index.tsx";
import { pageRuntime } from "./pages/runtime.ts";
import { listMail } from "./mail/mailbox.ts";
import { projects } from "./routes/projects.ts";
import { trustedOrigins } from "./trusted-origins.ts";

export const app = new Hono<AppContext>()
  .onError(onError)
  .notFound(notFound)
  // Mail that Better Auth sends after the response is kept alive by this request's waitUntil.
  .use("*", keepAliveTasks)
  // Security headers on every response, and no body over 1 MiB is read. Workers see the public URL.
  .use("*", securityHeaders((c) => new URL(c.req.url).protocol === "https:"), limitBody)
  // After a secret rotation (BETTER_AUTH_SECRETS), cookies signed with an older secret still sign in.
  .use("*", resignRotatedCookies((c) => authSecrets(c.env, "wrangler secrets") ?? {}))
  // Needs neither the database nor the secret: a liveness probe.
  .get("/api/health", (c) => c.json({ ok: true }))
  // Readiness: whether the D1 binding answers.
  .get("/api/ready", readiness((c) => c.env.DB.prepare("select 1").first()))
  // CORS with credentials for TRUSTED_ORIGINS (a separate front end); other origins' writes get 403.
  .use("/api/*", crossOrigin((c) => trustedOrigins(c.env, new URL(c.req.url))))
  // The dev mailbox: outside production, to this machine only. `wrangler dev` keeps one
  // isolate, so the in-memory mailbox holds the mail of every request.
  .get("/api/dev/mail", devOnly, (c) => c.json({ messages: listMail() }))
  // "/x/*" also matches "/x" in Hono.
  .use("/api/auth/*", withServices)
  .use("/api/projects/*", withServices)
  // A change made through Better Auth (a sign-out, a removed member, a deleted key) is seen at once in this isolate.
  .use("/api/auth/*", forgetOnAuthChanges)
  .on(["GET", "POST"], "/api/auth/*", (c) => c.var.auth.handler(withClientIp(c)))
  .route("/api/projects", projects);

// The HTML pages (sign-up, sign-in, home, projects, API keys, ...): forms over the API above.
app.route("/", createPages(app, pageRuntime));
