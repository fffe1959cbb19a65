import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * For /api/*: trusted origins (BETTER_AUTH_URL, TRUSTED_ORIGINS, the dev server's own) get CORS with
 * credentials, so a separate front end can call the API with its session cookie. Any other origin
 * gets no grant, and a state-changing request it sends (sign-in, or a post carrying a cookie) is
 * refused with 403 before it reaches a handler: the browser would hide the answer, but not the effect.
 * (GitHub and Google call back with a GET. A provider that answers with a cross-site form post, such
 * as Sign in with Apple, needs its /api/auth/callback/<id> let through here.)
 */
export function crossOrigin(trusted: (c: Context) => string[]): MiddlewareHandler {
  const grant = cors({
    origin: (origin, c) => (trusted(c).includes(origin) ? origin : null),
    credentials: true,
    allowHeaders: ["Content-Type", "Authorization", "X-API-Key"],
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (!origin) {
      // Not a CORS request (a same-site GET, curl, a server): nothing to grant, so Hono's cors is skipped. It
      // would make an empty response before the handler's own and copy it afterwards, twice per request.
      // The answer still varies with Origin, for caches.
      await next();
      c.res.headers.append("Vary", "Origin");
      return;
    }
    if (!SAFE_METHODS.has(c.req.method) && origin !== new URL(c.req.url).origin && !trusted(c).includes(origin)) {
      return c.json({ error: `Cross-origin request refused: ${origin} is not a trusted origin (add it to TRUSTED_ORIGINS)` }, 403);
    }
    return grant(c, next);
  };
}
