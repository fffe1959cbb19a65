import { makeSignature } from "better-auth/crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AuthSecrets } from "../config/auth-secrets.ts";

// Better Auth's signed cookies (`<value>.<HMAC>`, URL-encoded): the session token and "don't remember me".
const SIGNED_COOKIE = /(^|[._])(session_token|dont_remember)$/;

/**
 * Better Auth checks a signed cookie against the newest secret only, so a rotation with BETTER_AUTH_SECRETS
 * would sign everyone out. A cookie signed with one of the older secrets (or BETTER_AUTH_SECRET) is re-signed
 * with the newest, on the request only: the browser keeps its cookie until Better Auth next sets it, signed
 * with the newest. Remove a secret from the list once its sessions have expired (7 days by default).
 */
export function resignRotatedCookies(secrets: (c: Context) => AuthSecrets): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("cookie");
    const { secret, secrets: list } = header ? secrets(c) : {};
    if (!header || !list?.length) return next();
    const newest = list[0]!.value;
    const older = [...list.slice(1).map((entry) => entry.value), ...(secret && secret !== newest ? [secret] : [])];
    let changed = false;
    const pairs = await Promise.all(
      header.split(/;\s*/).map(async (pair) => {
        const separator = pair.indexOf("=");
        const name = pair.slice(0, separator);
        if (separator < 1 || !SIGNED_COOKIE.test(name)) return pair;
        const value = safeDecode(pair.slice(separator + 1));
        const dot = value.lastIndexOf(".");
        if (dot < 1) return pair;
        const [signed, signature] = [value.slice(0, dot), value.slice(dot + 1)];
        if (signature === (await makeSignature(signed, newest))) return pair;
        for (const old of older) {
          if (signature !== (await makeSignature(signed, old))) continue;
          changed = true;
          return `${name}=${encodeURIComponent(`${signed}.${await makeSignature(signed, newest)}`)}`;
        }
        return pair;
      }),
    );
    if (changed) {
      const headers = new Headers(c.req.raw.headers);
      headers.set("cookie", pairs.join("; "));
      c.req.raw = new Request(c.req.raw, { headers });
    }
    return next();
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
