import { Hono } from "hono";
import { type AppContext, withServices } from "./http/context.ts";
import { crossOrigin } from "./http/cross-origin.ts";
import { devOnly } from "./http/dev-only.ts";
import { notFound, onError } from "./http/errors.ts";
import { createPages } from "./pages/index.tsx";
import { pageRuntime } from "./pages/runtime.ts";
import { listMail } from "./mail/mailbox.ts";
import { projects } from "./routes/projects.ts";
import { trustedOrigins } from "./trusted-origins.ts";

export const app = new Hono<AppContext>()
  .onError(onError)
  .notFound(notFound)
  // Needs neither the database nor the secret: a liveness probe.
  .get("/api/health", (c) => c.json({ ok: true }))
  // CORS with credentials for TRUSTED_ORIGINS (a separate front end); other origins' writes get 403.
  .use("/api/*", crossOrigin((c) => trustedOrigins(c.env, new URL(c.req.url))))
  // The dev mailbox (CONTRACT §5): outside production, to this machine only. `wrangler dev` keeps one
  // isolate, so the in-memory mailbox holds the mail of every request.
  .get("/api/dev/mail", devOnly, (c) => c.json({ messages: listMail() }))
  // "/x/*" also matches "/x" in Hono.
  .use("/api/auth/*", withServices)
  .use("/api/projects/*", withServices)
  .on(["GET", "POST"], "/api/auth/*", (c) => c.var.auth.handler(c.req.raw))
  .route("/api/projects", projects);

// The HTML pages (sign-up, sign-in, home, projects, API keys, ...): forms over the API above.
app.route("/", createPages(app, pageRuntime));
