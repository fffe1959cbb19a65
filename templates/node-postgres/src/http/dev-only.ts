import type { MiddlewareHandler } from "hono";
import { env } from "../env.ts";
import { socketAddress } from "./client-ip.ts";
import { isForwarded, isLoopbackAddress } from "./loopback.ts";

// Judged by the TCP peer's address as Node's socket reports it (none for app.request() in a script:
// not loopback). Headers such as X-Forwarded-For are written by the client (or a proxy) and never count.

/**
 * Development tools (the mailbox): 404 in production, to any client that is not this machine, and to a
 * request a proxy passed on (a proxy on this machine would otherwise make everyone look local).
 */
export const devOnly: MiddlewareHandler = async (c, next) => {
  if (env.isProduction || isForwarded(c.req.raw.headers) || !isLoopbackAddress(socketAddress(c))) return c.notFound();
  await next();
};
