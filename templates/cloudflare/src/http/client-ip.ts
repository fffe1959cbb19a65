// On Workers: who the client is, and the request as Better Auth gets it. A Worker never sees its
// socket: the runtime hands over the peer's address as CF-Connecting-IP. Deployed, Cloudflare's edge
// writes that header itself and replaces any value a client sent.
import type { Context } from "hono";
import { clientAddress, trustedProxies, withClientAddress } from "./client-address.ts";
import type { AppContext } from "./context.ts";

export function peerAddress(c: Context): string | undefined {
  return c.req.header("cf-connecting-ip");
}

/** The request with the client's address where Better Auth's rate limiter reads it. */
export function withClientIp(c: Context<AppContext>): Request {
  return withClientAddress(c.req.raw, clientAddress(peerAddress(c), c.req.header("x-forwarded-for") ?? null, trustedProxies(c.env.TRUSTED_PROXIES)));
}
