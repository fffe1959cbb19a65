import { remember } from "../http/auth-cache.ts";
import type { PageContext } from "./env.ts";

/** The submitted form's text fields, trimmed, except passwords: their spaces are part of them. */
export async function readForm(c: PageContext): Promise<Record<string, string | undefined>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = /password/i.test(name) ? value : value.trim();
  }
  return fields;
}

/**
 * Where to go after signing in: a path on this site only. A browser reads "//evil.example",
 * "/\evil.example" and "/<tab>/evil.example" (it drops tabs and newlines) as other sites, so anything
 * with a backslash, a control character or their %-escapes, and anything that resolves off this
 * site, falls back to the home page.
 */
export function safeNext(value: string | undefined): string {
  if (!value || !value.startsWith("/") || /[\\\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|5c|7f)/i.test(value)) return "/";
  const here = "http://this.site.invalid";
  const target = new URL(value, here);
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/..//evil.example" resolves to the path "//evil.example": another site again.
  return target.origin === here && !path.startsWith("//") ? path : "/";
}

/**
 * The signed-in user and session, or null (reads go through auth.api: no rate limit applies to them). Remembered
 * for a few seconds per cookie, like the API's (src/http/auth-cache.ts): a change through Better Auth shows at once.
 */
export async function currentSession(c: PageContext) {
  const cookie = c.req.header("cookie");
  if (!cookie) return null;
  return remember(`page-session ${cookie}`, async () => {
    const session = await c.var.auth.api.getSession({ headers: c.req.raw.headers });
    return { value: session, keep: session !== null, until: session?.session.expiresAt };
  });
}

/** Sends a signed-out visitor to the sign-in page, and back here afterwards. */
export function toSignIn(c: PageContext): Response {
  const here = new URL(c.req.url);
  const next = here.pathname === "/" ? "" : `?next=${encodeURIComponent(here.pathname + here.search)}`;
  return c.redirect(`/sign-in${next}`, 303);
}
