// On Node: who is on the other end of the socket, and the request as Better Auth gets it.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { clientAddress, trustedProxies, withClientAddress } from "./client-address.ts";

// Read once: a malformed TRUSTED_PROXIES stops the server when the app loads, naming the entry.
const trusted = trustedProxies(process.env.TRUSTED_PROXIES);

/** The TCP peer's address as Node's socket reports it; undefined for app.request() in a script. */
export function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served by @hono/node-server
  }
}

/** The request with the client's address where Better Auth's rate limiter reads it. */
export function withClientIp(c: Context): Request {
  return withClientAddress(c.req.raw, clientAddress(socketAddress(c), c.req.header("x-forwarded-for") ?? null, trusted));
}
