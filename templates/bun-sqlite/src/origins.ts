import { extraTrustedOrigins } from "./config/auth-settings.ts";
import { authBaseURL, isProduction, serverPort } from "./env";
import { devLinkOrigin } from "./http/link-origin.ts";

// Ports this process really serves on (PORT=0 picks one at random), filled in by the server once it listens.
const listeningPorts = new Set<number>();

export function registerListeningPort(port: number): void {
  listeningPorts.add(port);
}

/**
 * Origins allowed to send credentialed requests: BETTER_AUTH_URL always, TRUSTED_ORIGINS (separate front ends),
 * and in development both loopback names for each port we listen on, so `PORT=4321 bun run dev` accepts sign-ins
 * from http://localhost:4321 and http://127.0.0.1:4321 without touching .env. Read per request, so ports bound
 * after startup count; src/index.ts reads it once before listening, so a malformed TRUSTED_ORIGINS stops the start.
 */
export function trustedOrigins(): string[] {
  const origins = new Set<string>();
  const baseURL = authBaseURL();
  if (baseURL) origins.add(new URL(baseURL).origin);
  for (const origin of extraTrustedOrigins(process.env)) origins.add(origin);
  if (!isProduction()) {
    for (const port of listeningPorts) {
      origins.add(`http://localhost:${port}`);
      origins.add(`http://127.0.0.1:${port}`);
    }
  }
  return [...origins];
}

/**
 * Where links in mail point: BETTER_AUTH_URL in production (else the request's own origin); in development the
 * port the server really listens on, whatever BETTER_AUTH_URL says.
 */
export function linkOrigin(request?: Request): string {
  const requested = request ? new URL(request.url) : undefined;
  if (isProduction()) {
    const baseURL = authBaseURL();
    return baseURL ? new URL(baseURL).origin : (requested?.origin ?? "http://localhost");
  }
  // Tests serve several apps from one process: keep the port the request came in on when it is one of ours.
  const port = requested && listeningPorts.has(Number(requested.port)) ? Number(requested.port) : ([...listeningPorts][0] ?? serverPort());
  return devLinkOrigin(request, port);
}
