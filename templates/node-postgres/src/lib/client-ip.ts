import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

// Better Auth rate-limits per client IP, which it reads from X-Forwarded-For only. Behind a proxy
// that header is set; on a direct connection it is missing, and every client would share one
// bucket (one abuser could lock everyone out of sign-in). So fill it in from the socket then.
export function withClientIp(c: Context): Request {
  const request = c.req.raw;
  if (request.headers.has("x-forwarded-for")) return request;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return request; // not served by @hono/node-server (e.g. app.request() in a script)
  }
  if (!address) return request;
  const headers = new Headers(request.headers);
  headers.set("x-forwarded-for", address);
  return new Request(request, { headers });
}
