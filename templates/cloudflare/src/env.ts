import { ConfigError } from "./config/config-error.ts";

/**
 * The Worker's bindings: `Env` is generated from wrangler.jsonc by `npm run cf-typegen` (the D1
 * binding, vars, required secrets). The optional settings are declared here too, so the code still
 * type-checks, and copes, when they are removed from wrangler.jsonc.
 */
export type AppEnv = Env & {
  /** A secret (.dev.vars locally, `wrangler secret put` deployed); checked by requireAuthSecret. */
  BETTER_AUTH_SECRET?: string;
  /** Public origin of the app (Better Auth's baseURL). Empty: each request's own origin. */
  BETTER_AUTH_URL?: string;
  /** "development" (set in .dev.vars) also trusts the loopback origins of the dev server. */
  ENVIRONMENT?: string;
  // The auth flows (src/config/auth-settings.ts); each is optional, see .dev.vars.example.
  TRUSTED_ORIGINS?: string;
  REQUIRE_EMAIL_VERIFICATION?: string;
  RESEND_API_KEY?: string;
  MAIL_FROM?: string;
  RESEND_API_URL?: string;
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
};

/**
 * Outside production means ENVIRONMENT "development" (.dev.vars) or "test" (vitest.config.ts). Any
 * other value, or none, is production: a deploy that forgot the variable never exposes dev tools.
 */
export function isProduction(env: Pick<AppEnv, "ENVIRONMENT">): boolean {
  return env.ENVIRONMENT !== "development" && env.ENVIRONMENT !== "test";
}

/** A misconfiguration the operator must fix; its message is safe to show and says how. */
export { ConfigError };

const SECRET_FIX =
  "Locally: put BETTER_AUTH_SECRET=<random value> in .dev.vars (e.g. the output of `openssl rand -base64 32`) and restart `npm run dev`. " +
  "Deployed: run `npx wrangler secret put BETTER_AUTH_SECRET`.";

/** Better Auth signs cookies and encrypts JWKS private keys with this secret: refuse to run without one. */
export function requireAuthSecret(env: AppEnv): string {
  const secret = env.BETTER_AUTH_SECRET?.trim();
  if (!secret) throw new ConfigError(`BETTER_AUTH_SECRET is not set. ${SECRET_FIX}`);
  if (secret.length < 32) throw new ConfigError(`BETTER_AUTH_SECRET is too short (at least 32 characters). ${SECRET_FIX}`);
  return secret;
}
