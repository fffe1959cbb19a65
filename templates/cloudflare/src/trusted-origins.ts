import { extraTrustedOrigins } from "./config/auth-settings.ts";
import { publicOrigin } from "./config/public-url.ts";
import { type AppEnv, isProduction } from "./env.ts";
import { devLinkOrigin } from "./http/link-origin.ts";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1"]);

/**
 * Origins allowed to call the auth endpoints with cookies: BETTER_AUTH_URL's, TRUSTED_ORIGINS (separate front
 * ends), plus in development both loopback spellings of the port the dev server really answers on (taken from
 * the request), so `PORT=4321 npm run dev` works from http://localhost:4321 and http://127.0.0.1:4321 alike.
 * A malformed TRUSTED_ORIGINS entry throws a ConfigError: every request then answers 500 naming it.
 */
export function trustedOrigins(env: AppEnv, requestUrl: URL): string[] {
  const origins = new Set<string>();
  const configured = env.BETTER_AUTH_URL?.trim();
  if (configured) origins.add(new URL(configured).origin);
  for (const origin of extraTrustedOrigins(env)) origins.add(origin);

  if (env.ENVIRONMENT === "development" && LOOPBACK_HOSTS.has(requestUrl.hostname)) {
    const port = requestUrl.port ? `:${requestUrl.port}` : "";
    for (const host of LOOPBACK_HOSTS) origins.add(`${requestUrl.protocol}//${host}${port}`);
  }
  return [...origins];
}

/**
 * Where links in mail point: BETTER_AUTH_URL in production (required there: never the request's Host);
 * outside production the port the dev server really answers on, whatever BETTER_AUTH_URL says.
 */
export function linkOrigin(env: AppEnv, request: Request): string {
  if (isProduction(env)) return new URL(publicOrigin(env.BETTER_AUTH_URL, true)!).origin;
  return devLinkOrigin(request, new URL(request.url).port);
}
