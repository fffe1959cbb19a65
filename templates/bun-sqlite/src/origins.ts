import { authBaseURL, isProduction } from "./env";

// Ports this process really serves on (PORT=0 picks one at random), filled in by the server once it listens.
const listeningPorts = new Set<number>();

export function registerListeningPort(port: number): void {
  listeningPorts.add(port);
}

/**
 * Origins allowed to send credentialed requests: BETTER_AUTH_URL always, and in development both loopback names
 * for each port we listen on, so `PORT=4321 bun run dev` accepts sign-ins from http://localhost:4321 and
 * http://127.0.0.1:4321 without touching .env. Read per request, so ports bound after startup count.
 */
export function trustedOrigins(): string[] {
  const origins = new Set<string>();
  const baseURL = authBaseURL();
  if (baseURL) origins.add(new URL(baseURL).origin);
  if (!isProduction()) {
    for (const port of listeningPorts) {
      origins.add(`http://localhost:${port}`);
      origins.add(`http://127.0.0.1:${port}`);
    }
  }
  return [...origins];
}
