/**
 * Entry point of `dev` and `start`. Configuration is checked before anything else is loaded, so a missing
 * secret is one clear line, and no database file is created for a server that cannot start.
 */
import { requireEmailVerification } from "./config/auth-settings.ts";
import { authBaseURL, authSecret, ConfigError, serverHost, serverPort } from "./env";
import { trustedProxies } from "./http/client-address.ts";
import { drain } from "./http/shutdown.ts";
import { trustedOrigins } from "./origins";

let port: number;
let hostname: string;
try {
  authSecret();
  authBaseURL(); // required in production
  port = serverPort();
  hostname = serverHost();
  trustedOrigins(); // a malformed TRUSTED_ORIGINS entry
  trustedProxies(process.env.TRUSTED_PROXIES); // a malformed TRUSTED_PROXIES entry
  requireEmailVerification(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}

const [{ createApp }, { auth }, { db }, { serve }] = await Promise.all([
  import("./app"),
  import("./auth"),
  import("./db"),
  import("./server"),
]);

let server: ReturnType<typeof serve>;
try {
  server = serve(createApp({ db, auth }), { port, hostname });
} catch (error) {
  if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
  console.error(`error: port ${port} is already in use on ${hostname}. Set PORT to a free port, e.g. PORT=3001.`);
  process.exit(1);
}

const shown = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
console.log(`Listening on http://${shown}:${server.port} (Better Auth at /api/auth, health at /api/health)`);

// On a stop signal (a deploy, Ctrl-C): take no new requests, answer those in flight, send the mail they
// queued, then close SQLite cleanly so the WAL is checkpointed. A second signal, or GRACE_MS, ends it at once.
const GRACE_MS = 10_000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`${signal} received: finishing the requests in flight, then stopping.`);
  const stopServer = async () => {
    void server.stop(); // no new connections; requests in flight go on
    while (server.pendingRequests > 0) await Bun.sleep(50);
    await server.stop(true); // idle keep-alive connections, which browsers hold open
  };
  const clean = await drain(stopServer, () => db.$client.close(), GRACE_MS);
  if (!clean) console.error(`Stopped after ${GRACE_MS / 1000} s with work unfinished.`);
  process.exit(clean ? 0 : 1);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
