// The Hono app, without a listening socket: src/index.ts serves it, the tests call app.request().
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { auth } from "./auth.ts";
import { pool } from "./db/index.ts";
import { env } from "./env.ts";
import { forgetOnAuthChanges } from "./http/auth-cache.ts";
import { withClientIp } from "./http/client-ip.ts";
import { crossOrigin } from "./http/cross-origin.ts";
import { devOnly } from "./http/dev-only.ts";
import { limitBody, readiness, securityHeaders } from "./http/protect.ts";
import { resignRotatedCookies } from "./http/rotated-cookies.ts";
import { isDraining } from "./http/shutdown.ts";
import { trustedOrigins } from "./lib/origins.ts";
import { listMail } from "./mail/mailbox.ts";
import { createPages } from "./pages/index.tsx";
import { pageRuntime } from "./pages/runtime.ts";
import { projects } from "./routes/projects.ts";

export const app = new Hono();

// Security headers on every response, and no body over 1 MiB is read.
app.use("*", securityHeaders(() => env.BETTER_AUTH_URL.startsWith("https:")), limitBody);

// After a secret rotation (BETTER_AUTH_SECRETS), cookies signed with an older secret still sign in.
app.use("*", resignRotatedCookies(() => auth.options));

// CORS with credentials for TRUSTED_ORIGINS (a separate front end); other origins' writes get 403.
app.use("/api/*", crossOrigin(() => trustedOrigins()));

// Better Auth answers everything under its base path: sign-up/in/out, sessions, organizations,
// API keys, /token and /jwks.
// A change made through Better Auth (a sign-out, a removed member, a deleted key) is seen at once here.
app.use("/api/auth/*", forgetOnAuthChanges);
app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(withClientIp(c)));

// Liveness only: it stays up while the database is down, so an orchestrator does not restart a
// healthy process because of someone else's outage.
app.get("/api/health", (c) => c.json({ ok: true }));
// Readiness: whether this instance can serve, for a load balancer to route around it while not.
app.get("/api/ready", readiness(() => pool.query("select 1"), isDraining));

app.route("/api/projects", projects);

// The dev mailbox: outside production, to this machine only.
app.get("/api/dev/mail", devOnly, (c) => c.json({ messages: listMail() }));

// The HTML pages (sign-up, sign-in, home, projects, API keys, ...): forms over the API above.
app.route("/", createPages(app, pageRuntime));

app.notFound((c) => c.json({ error: "Not found" }, 404));

app.onError((error, c) => {
  if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
  console.error(error);
  return c.json({ error: "Internal server error" }, 500);
});
