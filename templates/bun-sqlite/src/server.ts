import type { App } from "./app";
import { registerListeningPort } from "./origins";

/** Serves the app with Bun and records the port really bound (PORT=0 picks a free one) as a trusted dev origin. */
export function serve(app: App, { port, hostname }: { port: number; hostname: string }) {
  const server = Bun.serve({ fetch: app.fetch, port, hostname });
  registerListeningPort(server.port!);
  return server;
}
