import type { Context, MiddlewareHandler } from "hono";
import { isProduction } from "../env.ts";
import { isLoopbackAddress } from "./loopback.ts";

// A Worker never sees its socket: the runtime hands over the client's address as CF-Connecting-IP.
// Deployed, Cloudflare's edge writes that header itself and replaces any value a client sent, so it
// cannot be forged there (and the mailbox is off there anyway: ENVIRONMENT is "production").
// Under `wrangler dev`, Miniflare fills it in from the socket but keeps a value the client already
// sent, so what keeps other machines out locally is that the dev server listens on 127.0.0.1 only
// (wrangler.jsonc `dev.ip`): no one else can connect to send one.
function clientAddress(c: Context): string | undefined {
  return c.req.header("cf-connecting-ip");
}

/** Development tools (the mailbox): 404 in production and to any client that is not this machine. */
export const devOnly: MiddlewareHandler = async (c, next) => {
  if (isProduction(c.env) || !isLoopbackAddress(clientAddress(c))) return c.notFound();
  await next();
};
