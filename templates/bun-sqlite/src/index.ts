/**
 * Entry point of `dev` and `start`. Configuration is checked before anything else is loaded, so a missing
 * secret is one clear line, and no database file is created for a server that cannot start.
 */
import { requireEmailVerification } from "./config/auth-settings.ts";
import { authBaseURL, authSecret, ConfigError, serverHost, serverPort } from "./env";
import { trustedProxies } from "./http/client-address.ts";
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

// On Ctrl-C or a stop signal: let in-flight requests finish (briefly: idle keep-alive connections, which browsers
// hold open, would otherwise keep us waiting), then close SQLite cleanly so the WAL is checkpointed.
const GRACE_MS = 1500;
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await Promise.race([server.stop(), Bun.sleep(GRACE_MS)]);
  await server.stop(true);
  db.$client.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
