import type { AppEnv } from "./env.ts";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

/**
 * Origins allowed to call the auth endpoints with cookies: BETTER_AUTH_URL's, plus in development
 * both loopback spellings of the port the dev server really answers on (taken from the request),
 * so `PORT=4321 npm run dev` works from http://localhost:4321 and http://127.0.0.1:4321 alike.
 */
export function trustedOrigins(env: AppEnv, requestUrl: URL): string[] {
  const origins = new Set<string>();
  const configured = env.BETTER_AUTH_URL?.trim();
  if (configured) origins.add(new URL(configured).origin);

  if (env.ENVIRONMENT === "development" && LOOPBACK_HOSTS.has(requestUrl.hostname)) {
    const port = requestUrl.port ? `:${requestUrl.port}` : "";
    for (const host of LOOPBACK_HOSTS) origins.add(`${requestUrl.protocol}//${host}${port}`);
  }
  return [...origins];
}
