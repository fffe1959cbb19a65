import { ConfigError } from "./config-error.ts";

/** What Better Auth gets: `secret`, and `secrets` once the secret has been rotated. */
export type AuthSecrets = { secret?: string; secrets?: { version: number; value: string }[] };

const MIN_LENGTH = 32;
const GENERATE = "Generate one with `openssl rand -base64 32`.";

/**
 * BETTER_AUTH_SECRET signs session cookies and encrypts the JWT signing keys in the database.
 * To rotate it, keep it as it is and add BETTER_AUTH_SECRETS="1:<new secret>" (later "2:<newer>,1:<new>"):
 * the first entry signs and encrypts from then on, the others and BETTER_AUTH_SECRET still decrypt what
 * they encrypted, so no request fails. Session cookies are checked against the first entry only, so a
 * rotation signs everyone out once. Undefined when neither is set: the caller decides (tests, errors).
 */
export function authSecrets(values: { BETTER_AUTH_SECRET?: string; BETTER_AUTH_SECRETS?: string }, where: string): AuthSecrets | undefined {
  const secret = values.BETTER_AUTH_SECRET?.trim() || undefined;
  if (secret) checkLength("BETTER_AUTH_SECRET", secret, where);
  const list = values.BETTER_AUTH_SECRETS?.trim();
  if (!list) return secret ? { secret } : undefined;
  return { secret, secrets: parseSecrets(list, where) };
}

function parseSecrets(list: string, where: string): { version: number; value: string }[] {
  const seen = new Set<number>();
  return list.split(",").map((entry, index) => {
    const colon = entry.indexOf(":");
    const version = colon === -1 ? Number.NaN : Number(entry.slice(0, colon).trim());
    const value = entry.slice(colon + 1).trim();
    if (!Number.isInteger(version) || version < 0 || !value) {
      throw new ConfigError(
        `BETTER_AUTH_SECRETS must be "<version>:<secret>" entries separated by commas, newest first, e.g. BETTER_AUTH_SECRETS="2:<new>,1:<old>"; entry ${index + 1} is not. Fix it in ${where}.`,
      );
    }
    if (seen.has(version)) throw new ConfigError(`BETTER_AUTH_SECRETS has version ${version} twice. Give each secret its own version in ${where}.`);
    seen.add(version);
    checkLength(`BETTER_AUTH_SECRETS version ${version}`, value, where);
    return { version, value };
  });
}

function checkLength(name: string, value: string, where: string): void {
  if (value.length < MIN_LENGTH) {
    throw new ConfigError(`${name} is too short: ${value.length} characters, at least ${MIN_LENGTH} needed. ${GENERATE} Set it in ${where}.`);
  }
}
