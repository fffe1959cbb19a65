import { env } from "../env.ts";

// The port the server really listens on, set once it is bound. In dev this makes
// `PORT=4321 npm run dev` accept requests from http://localhost:4321 and http://127.0.0.1:4321
// without editing BETTER_AUTH_URL.
let listeningPort: number | undefined;

export function setListeningPort(port: number): void {
  listeningPort = port;
}

export function trustedOrigins(): string[] {
  const origins = [new URL(env.BETTER_AUTH_URL).origin];
  if (!env.isProduction) {
    const port = listeningPort ?? env.PORT;
    origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  }
  return origins;
}
