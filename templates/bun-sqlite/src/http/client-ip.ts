// On Bun: who is on the other end of the socket, and the request as Better Auth gets it.
import type { Server } from "bun";
import type { Context } from "hono";
import { clientAddress, type TrustedProxies, trustedProxies, withClientAddress } from "./client-address.ts";

// Read when it changes (tests set it per file in one process); src/index.ts checks it at start.
let proxies: { value: string | undefined; trusted: TrustedProxies } | undefined;
function trusted(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (proxies && proxies.value === value) return proxies.trusted;
  const fresh = { value, trusted: trustedProxies(value) };
  proxies = fresh;
  return fresh.trusted;
}

/** The TCP peer's address as Bun.serve reports it (Bun passes the server to fetch, which Hono exposes as c.env). */
export function socketAddress(c: Context): string | undefined {
  const server = c.env as Partial<Server<unknown>> | undefined;
  if (typeof server?.requestIP !== "function") return undefined; // app.request() in a script
  return server.requestIP(c.req.raw)?.address;
}

/** The request with the client's address where Better Auth's rate limiter reads it. */
export function withClientIp(c: Context): Request {
  return withClientAddress(c.req.raw, clientAddress(socketAddress(c), c.req.header("x-forwarded-for") ?? null, trusted()));
}
