import { randomBytes } from "node:crypto";
import { ConfigError } from "../config/config-error.ts";
import { env } from "../env.ts";

export { ConfigError };

// Better Auth signs cookies and encrypts the JWKS private keys with this secret. Its own fallback is
// a public default string, so refuse to run without a real one (tests get a throwaway per process:
// every test file works on its own fresh database, so nothing signed with it outlives the run).
export function authSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (env.isTest) return randomBytes(32).toString("base64url");
  throw new ConfigError(
    [
      "BETTER_AUTH_SECRET is not set.",
      "Add it to .env (at least 32 random bytes), e.g. the output of:",
      "  openssl rand -base64 32",
      "  node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64'))\"",
      "Keep it stable: changing it signs everyone out and invalidates the JWT signing keys.",
    ].join("\n"),
  );
}
