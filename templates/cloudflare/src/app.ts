import { Hono } from "hono";
import { type AppContext, withServices } from "./http/context.ts";
import { notFound, onError } from "./http/errors.ts";
import { projects } from "./routes/projects.ts";

export const app = new Hono<AppContext>()
  .onError(onError)
  .notFound(notFound)
  // Needs neither the database nor the secret: a liveness probe.
  .get("/api/health", (c) => c.json({ ok: true }))
  // "/x/*" also matches "/x" in Hono.
  .use("/api/auth/*", withServices)
  .use("/api/projects/*", withServices)
  .on(["GET", "POST"], "/api/auth/*", (c) => c.var.auth.handler(c.req.raw))
  .route("/api/projects", projects);
