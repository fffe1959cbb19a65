import type { Server } from "bun";
import type { Context, MiddlewareHandler } from "hono";
import { isProduction } from "../env";
import { isLoopbackAddress } from "./loopback.ts";

// The address of the TCP peer as Bun.serve reports it (Bun passes the server as the second argument
// of fetch, which Hono exposes as c.env). Headers such as X-Forwarded-For are written by the client
// (or a proxy) and never count here.
function socketAddress(c: Context): string | undefined {
  const server = c.env as Partial<Server<unknown>> | undefined;
  if (typeof server?.requestIP !== "function") return undefined; // app.request() in a script: not loopback
  return server.requestIP(c.req.raw)?.address;
}

/** Development tools (the mailbox): 404 in production and to any client that is not this machine. */
export const devOnly: MiddlewareHandler = async (c, next) => {
  if (isProduction() || !isLoopbackAddress(socketAddress(c))) return c.notFound();
  await next();
};
