import type { PageContext } from "./env.ts";

export type ApiReply = { ok: boolean; status: number; body: any; headers: Headers };

// Headers that describe the browser's own body, not the JSON one sent on its behalf.
const BODY_HEADERS = ["content-type", "content-length", "transfer-encoding", "content-encoding"];

function executionContext(c: PageContext) {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // Node and Bun have none
  }
}

/**
 * Calls the app's own JSON API on behalf of this page request, with the browser's cookies, Origin
 * and client address, through the same routes as any other client. So Better Auth's rate limits and
 * origin checks, and the API's tenant rules, apply to forms exactly as to the JSON API (calling
 * `auth.api.*` from here would skip the first two).
 */
export async function callApi(c: PageContext, method: "GET" | "POST", path: string, json?: unknown): Promise<ApiReply> {
  const headers = new Headers(c.req.raw.headers);
  for (const name of BODY_HEADERS) headers.delete(name);
  headers.set("accept", "application/json");
  if (json !== undefined) headers.set("content-type", "application/json");
  const request = new Request(new URL(path, c.req.url).href, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const response = await c.var.api.fetch(request, c.env, executionContext(c));
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { message: text };
  }
  return { ok: response.ok, status: response.status, body, headers: response.headers };
}

/** Hands the API's cookies (a new session, a signed-out one) on to the browser. */
export function keepCookies(c: PageContext, reply: ApiReply): void {
  for (const cookie of reply.headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
}

/** A sentence for the person: Better Auth's message, the API's error, or the status. */
export function errorMessage(reply: ApiReply): string {
  if (reply.status === 429) return "Too many attempts. Wait a moment and try again.";
  const body = reply.body as { message?: unknown; error?: unknown } | null;
  const message = body?.message ?? body?.error;
  if (typeof message === "string" && message) return message.endsWith(".") ? message : `${message}.`;
  return `Something went wrong (HTTP ${reply.status}). Try again.`;
}

export type FormStatus = 400 | 401 | 403 | 404 | 422 | 429;

/** The status a re-rendered form answers with: the API's client error, else 400. */
export function formStatus(reply: ApiReply): FormStatus {
  const known = [400, 401, 403, 404, 422, 429] as const;
  return known.find((status) => status === reply.status) ?? 400;
}
