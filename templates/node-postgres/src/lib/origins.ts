import { extraTrustedOrigins } from "../config/auth-settings.ts";
import { env } from "../env.ts";
import { devLinkOrigin } from "../http/link-origin.ts";

// The port the server really listens on, set once it is bound. In dev this makes
// `PORT=4321 npm run dev` accept requests from http://localhost:4321 and http://127.0.0.1:4321,
// and mail links to 4321, without editing BETTER_AUTH_URL.
let listeningPort: number | undefined;

export function setListeningPort(port: number): void {
  listeningPort = port;
}

// TRUSTED_ORIGINS, checked once: src/auth.ts reads it at startup, so a malformed entry stops the
// server before it listens.
let separateFrontEnds: string[] | undefined;

export function trustedOrigins(): string[] {
  separateFrontEnds ??= extraTrustedOrigins(process.env);
  const origins = [new URL(env.BETTER_AUTH_URL).origin, ...separateFrontEnds];
  if (!env.isProduction) {
    const port = listeningPort ?? env.PORT;
    origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  }
  return origins;
}

/** Where links in mail point: BETTER_AUTH_URL in production, the dev server's real port otherwise. */
export function linkOrigin(request?: Request): string {
  if (env.isProduction) return new URL(env.BETTER_AUTH_URL).origin;
  return devLinkOrigin(request, listeningPort ?? env.PORT);
}
