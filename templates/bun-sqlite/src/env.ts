/**
 * Configuration read from the environment. Bun loads `.env` by itself, so nothing here parses files.
 * Values are read when asked for (not at import) so tests and scripts can set them first.
 */
import { type AuthSecrets, authSecrets } from "./config/auth-secrets.ts";
import { ConfigError } from "./config/config-error.ts";
import { publicOrigin } from "./config/public-url.ts";

export const DEFAULT_DB_FILE = "data/app.db";
export const DEFAULT_PORT = 3000;

/**
 * Development only when asked: `bun run dev` sets NODE_ENV=development and `bun test` sets "test". Any other
 * value, or none (a deploy that forgot it), is production: no dev mailbox, rate limits on.
 */
export function isProduction(): boolean {
  const mode = process.env.NODE_ENV?.trim();
  return mode !== "development" && mode !== "test";
}

export function isTest(): boolean {
  return process.env.NODE_ENV === "test";
}

/** The SQLite file of the app (`:memory:` is accepted too). Relative paths are from the working directory. */
export function databaseFile(): string {
  return process.env.DB_FILE?.trim() || DEFAULT_DB_FILE;
}

export function serverPort(): number {
  const raw = process.env.PORT?.trim();
  if (!raw) return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${raw}".`);
  }
  return port;
}

/** Loopback only unless told otherwise: a dev server should not be reachable from the network by accident. */
export function serverHost(): string {
  return process.env.HOST?.trim() || (isProduction() ? "0.0.0.0" : "127.0.0.1");
}

/** Required in production: links and redirects are built from it, never from the request's Host. */
export function authBaseURL(): string | undefined {
  return publicOrigin(process.env.BETTER_AUTH_URL, isProduction());
}

// Tests get a fresh random secret per process: nothing they sign outlives the run, and no secret is ever committed.
let testSecret: string | undefined;

export function authSecret(): AuthSecrets {
  const { BETTER_AUTH_SECRET, BETTER_AUTH_SECRETS } = process.env;
  const configured = authSecrets({ BETTER_AUTH_SECRET, BETTER_AUTH_SECRETS }, ".env (in production: the environment)");
  if (configured) return configured;
  if (isTest()) return { secret: (testSecret ??= Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")) };
  throw new ConfigError(
    "BETTER_AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and put it in .env as\n" +
      "  BETTER_AUTH_SECRET=<the generated value>\n" +
      "(Bun reads .env on start; in production, set it in the environment instead.) Keep it: to change it\n" +
      "later, add BETTER_AUTH_SECRETS (see .env.example) instead of replacing it.",
  );
}

/** A misconfiguration the user can fix; the entry point prints its message without a stack trace. */
export { ConfigError };
