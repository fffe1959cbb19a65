import type { MiddlewareHandler } from "hono";
import { isProduction } from "../env.ts";
import { peerAddress } from "./client-ip.ts";
import { isForwarded, isLoopbackAddress } from "./loopback.ts";

// Judged by CF-Connecting-IP (src/http/client-ip.ts), which cannot be forged deployed (and the mailbox
// is off there anyway: ENVIRONMENT is "production"). Under `wrangler dev`, Miniflare fills it in from
// the socket but keeps a value the client already sent, so what keeps other machines out locally is
// that the dev server listens on 127.0.0.1 only (wrangler.jsonc `dev.ip`): no one else can connect.

/**
 * Development tools (the mailbox): 404 in production, to any client that is not this machine, and to a
 * request a proxy passed on (a proxy on this machine would otherwise make everyone look local).
 */
export const devOnly: MiddlewareHandler = async (c, next) => {
  if (isProduction(c.env) || isForwarded(c.req.raw.headers) || !isLoopbackAddress(peerAddress(c))) return c.notFound();
  await next();
};
