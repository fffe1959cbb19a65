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
 * Where to go after signing in: a path on this site only. "//evil.example" and "/\evil.example" are
 * other sites to a browser, so they fall back to the home page.
 */
export function safeNext(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}

/** The signed-in user and session, or null (reads go through auth.api: no rate limit applies to them). */
export async function currentSession(c: PageContext) {
  return c.var.auth.api.getSession({ headers: c.req.raw.headers });
}

/** Sends a signed-out visitor to the sign-in page, and back here afterwards. */
export function toSignIn(c: PageContext): Response {
  const here = new URL(c.req.url);
  const next = here.pathname === "/" ? "" : `?next=${encodeURIComponent(here.pathname + here.search)}`;
  return c.redirect(`/sign-in${next}`, 303);
}
