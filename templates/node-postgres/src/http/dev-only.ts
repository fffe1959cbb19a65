import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { env } from "../env.ts";
import { isLoopbackAddress } from "./loopback.ts";

// The address of the TCP peer as Node's socket reports it. Headers such as X-Forwarded-For are
// written by the client (or a proxy) and never count here.
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served by @hono/node-server (app.request() in a script): not loopback
  }
}

/** Development tools (the mailbox): 404 in production and to any client that is not this machine. */
export const devOnly: MiddlewareHandler = async (c, next) => {
  if (env.isProduction || !isLoopbackAddress(socketAddress(c))) return c.notFound();
  await next();
};
