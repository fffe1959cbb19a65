// The settings of the auth flows, read from the environment (process.env, or a Worker's bindings)
// the same way in every runtime. Secrets are never echoed in messages.
import { ConfigError } from "./config-error.ts";
import { warnOnce } from "./warn-once.ts";

/** process.env, or a Worker's bindings (an interface without an index signature, hence `object`). */
export type Vars = object;

function text(vars: Vars, name: string): string | undefined {
  const value = (vars as Readonly<Record<string, unknown>>)[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Both halves of a pair, or nothing; half a pair is a warning that names the missing variable. */
function pair(vars: Vars, first: string, second: string, what: string): [string, string] | undefined {
  const a = text(vars, first);
  const b = text(vars, second);
  if (a && b) return [a, b];
  if (a || b) warnOnce(`${what} is off: ${a ? first : second} is set but ${a ? second : first} is not. Set both, or neither.`);
  return undefined;
}

type OAuthApp = { clientId: string; clientSecret: string; redirectURI?: string };

/**
 * GitHub and Google sign-in, each on only when its client id and secret are both set. Unset
 * providers are absent (not merely disabled), so `Object.keys(auth.options.socialProviders)` lists
 * exactly the configured ones and an unconfigured one answers 404 PROVIDER_NOT_FOUND.
 * `callbackOrigin` (development: the dev server's own origin) replaces BETTER_AUTH_URL's in the
 * callback URL, so `PORT=4321` gets the provider's answer on 4321 too.
 */
export function socialProviders(vars: Vars, callbackOrigin?: string): { github?: OAuthApp; google?: OAuthApp } {
  const app = (id: string, [clientId, clientSecret]: [string, string]): OAuthApp => ({
    clientId,
    clientSecret,
    ...(callbackOrigin && { redirectURI: `${callbackOrigin}/api/auth/callback/${id}` }),
  });
  const providers: { github?: OAuthApp; google?: OAuthApp } = {};
  const github = pair(vars, "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GitHub sign-in");
  if (github) providers.github = app("github", github);
  const google = pair(vars, "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "Google sign-in");
  if (google) providers.google = app("google", google);
  return providers;
}

/**
 * TRUSTED_ORIGINS: comma-separated origins of separate front ends (e.g. a Vite app on
 * http://localhost:5173). A malformed entry is an error, not a silently ignored origin.
 */
export function extraTrustedOrigins(vars: Vars): string[] {
  const raw = text(vars, "TRUSTED_ORIGINS");
  if (!raw) return [];
  return raw.split(",").map((entry) => entry.trim()).filter(Boolean).map(originOf);
}

function originOf(entry: string): string {
  let url: URL | undefined;
  try {
    url = new URL(entry);
  } catch {
    // reported below
  }
  const bare = url && (url.protocol === "http:" || url.protocol === "https:") && url.pathname === "/" && !url.search && !url.hash && !url.username;
  if (!url || !bare || entry.replace(/\/$/, "") !== url.origin) {
    throw new ConfigError(
      `TRUSTED_ORIGINS has a malformed entry "${entry}": each entry must be an origin, scheme://host[:port] ` +
        `with nothing after it, e.g. TRUSTED_ORIGINS=http://localhost:5173,https://app.example.com`,
    );
  }
  return url.origin;
}

/** REQUIRE_EMAIL_VERIFICATION=true blocks sign-in until the address is verified; off by default. */
export function requireEmailVerification(vars: Vars): boolean {
  const raw = text(vars, "REQUIRE_EMAIL_VERIFICATION")?.toLowerCase();
  if (raw === undefined || raw === "false") return false;
  if (raw === "true") return true;
  throw new ConfigError(`REQUIRE_EMAIL_VERIFICATION must be "true" or "false", got "${raw}".`);
}

export type ResendSettings = { apiKey: string; from: string; endpoint?: string };

/** Resend, when RESEND_API_KEY and MAIL_FROM are both set. RESEND_API_URL only redirects it (tests, a relay). */
export function resendSettings(vars: Vars): ResendSettings | undefined {
  const found = pair(vars, "RESEND_API_KEY", "MAIL_FROM", "Sending mail through Resend");
  if (!found) return undefined;
  const endpoint = text(vars, "RESEND_API_URL");
  return { apiKey: found[0], from: found[1], ...(endpoint && { endpoint }) };
}
