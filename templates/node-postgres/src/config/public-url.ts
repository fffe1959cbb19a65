import { ConfigError } from "./config-error.ts";
import { warnOnce } from "./warn-once.ts";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * BETTER_AUTH_URL, the site's public origin. In production every link in mail and every redirect is
 * built from it, never from the request's Host or X-Forwarded-Host (which an attacker writes: a reset
 * link to their own host, mailed to you), so there it is required. Plain http is accepted only for
 * this machine (a production build tried locally), with a warning. Outside production it may be empty.
 */
export function publicOrigin(value: string | undefined, production: boolean): string | undefined {
  // Asked on every request (is the site https?), so the last answer is kept while the setting stays the same.
  if (!last || last.value !== value || last.production !== production) {
    last = { value, production, origin: checked(value, production) };
  }
  return last.origin;
}

let last: { value: string | undefined; production: boolean; origin: string | undefined } | undefined;

function checked(value: string | undefined, production: boolean): string | undefined {
  const raw = value?.trim();
  if (!raw) {
    if (!production) return undefined;
    throw new ConfigError(
      "BETTER_AUTH_URL is not set. In production it must be the site's public URL, e.g. BETTER_AUTH_URL=https://app.example.com: every link in mail and every redirect is built from it.",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`BETTER_AUTH_URL is "${raw}", which is not a URL. Set it to the site's public origin, e.g. https://app.example.com.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`BETTER_AUTH_URL is "${raw}"; it must start with https:// (or http:// outside production).`);
  }
  if (production && url.protocol === "http:") {
    if (!LOCAL_HOSTS.has(url.hostname)) {
      throw new ConfigError(
        `BETTER_AUTH_URL is "${raw}": plain http in production sends cookies and reset links unencrypted. Use https://${url.host} (http:// is accepted only for localhost and 127.0.0.1).`,
      );
    }
    warnOnce(`BETTER_AUTH_URL is ${url.origin}: plain http, accepted in production only because it is this machine. Use https:// for a real deployment.`);
  }
  return raw;
}
