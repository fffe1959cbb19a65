import { createMiddleware } from "hono/factory";
import type { PageEnv } from "./env.ts";
import { renderPage } from "./layout.tsx";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when the browser says the form was posted by a page of this very origin. Sec-Fetch-Site is
 * set by the browser and cannot be forged by a page; it also tells a page on another port of the
 * same host ("same-site", which still gets the SameSite=Lax session cookie) from our own. Browsers
 * without it send Origin, which must then be exactly ours.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  return request.headers.get("origin") === new URL(request.url).origin;
}

/** Refuses cross-site form posts with a page that says so (hono/csrf's plain-text 403 downloads as a file in some browsers). */
export const sameOriginForms = createMiddleware<PageEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || isSameOriginPost(c.req.raw)) return next();
  return renderPage(
    c,
    { title: "Request refused", status: 403 },
    <p>
      This form was sent from another site, so nothing was changed. Go back to <a href="/">the app</a> and send it from
      there.
    </p>,
  );
});
