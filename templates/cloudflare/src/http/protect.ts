// What every response carries and what every request may send, the same on every runtime.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";

/** Far more than any form or JSON body of the app needs; a larger one gets 413 before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json({ error: "Request body too large (at most 1 MiB)" }, 413),
});

/**
 * OWASP's defaults for a server-rendered app, through Hono's secureHeaders: nosniff; a referrer policy
 * that keeps the Origin of same-site form posts (Better Auth checks it; "no-referrer" would send
 * Origin: null); a CSP under which no site may frame a page, and only this site's own files load
 * (the pages' one stylesheet is inline). HSTS only when the site is served over https.
 */
export function securityHeaders(isHttps: (c: Context) => boolean): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    xFrameOptions: "DENY",
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (isHttps(c)) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}

/**
 * GET /api/ready: 200 while the database answers, 503 otherwise (the process itself is /api/health),
 * and 503 once the process is shutting down, so a load balancer sends no new requests its way.
 */
export function readiness(pingDatabase: (c: Context) => Promise<unknown>, draining: () => boolean = () => false): MiddlewareHandler {
  return async (c) => {
    if (draining()) return c.json({ ok: false, error: "Shutting down" }, 503);
    try {
      await pingDatabase(c);
      return c.json({ ok: true });
    } catch (error) {
      console.error("Readiness check failed: the database did not answer.", error);
      return c.json({ ok: false, error: "The database is not reachable" }, 503);
    }
  };
}
