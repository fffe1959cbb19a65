import { randomBytes } from "node:crypto";
import { type AuthSecrets, authSecrets } from "../config/auth-secrets.ts";
import { ConfigError } from "../config/config-error.ts";
import { env } from "../env.ts";

export { ConfigError };

// Better Auth signs cookies and encrypts the JWKS private keys with this secret. Its own fallback is
// a public default string, so refuse to run without a real one (tests get a throwaway per process:
// every test file works on its own fresh database, so nothing signed with it outlives the run).
export function authSecret(): AuthSecrets {
  const configured = authSecrets(process.env, ".env (in production: the environment)");
  if (configured) return configured;
  if (env.isTest) return { secret: randomBytes(32).toString("base64url") };
  throw new ConfigError(
    [
      "BETTER_AUTH_SECRET is not set.",
      "Add it to .env (at least 32 random characters), e.g. the output of:",
      "  openssl rand -base64 32",
      "  node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"",
      "Keep it: to change it later, add BETTER_AUTH_SECRETS (see .env.example) instead of replacing it.",
    ].join("\n"),
  );
}
