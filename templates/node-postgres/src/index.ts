// Server entry: `npm run dev` (watch mode) and `npm start` (after `npm run build`).
import { serve } from "@hono/node-server";
import { drain } from "./http/shutdown.ts";

// Imported dynamically so a configuration error (no BETTER_AUTH_SECRET, no BETTER_AUTH_URL in
// production, ...) prints its message instead of a stack trace from deep inside the import graph.
async function loadApp() {
  try {
    const [{ env }, { app }, { pool }, { setListeningPort }] = await Promise.all([
      import("./env.ts"),
      import("./app.ts"),
      import("./db/index.ts"),
      import("./lib/origins.ts"),
    ]);
    return { env, app, pool, setListeningPort };
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const { env, app, pool, setListeningPort } = await loadApp();

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  setListeningPort(info.port);
  // One stable line that tools can wait for.
  console.log(`Server listening on http://localhost:${info.port} (also http://127.0.0.1:${info.port})`);
});

server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    console.error(`Port ${env.PORT} is already in use. Stop the other process or pick another: PORT=3001 npm run dev`);
    process.exit(1);
  }
  throw error;
});

// On a stop signal (a deploy, Ctrl-C): take no new requests, answer those in flight, send the mail
// they queued, then close the pool. A second signal, or GRACE_MS, ends it at once.
const GRACE_MS = 10_000;
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`${signal} received: finishing the requests in flight, then stopping.`);
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections go as soon as they are idle, not at their timeout.
      const idle = setInterval(() => "closeIdleConnections" in server && server.closeIdleConnections(), 100);
      server.once("close", () => clearInterval(idle));
    });
  const clean = await drain(stopServer, () => pool.end(), GRACE_MS);
  if (!clean) console.error(`Stopped after ${GRACE_MS / 1000} s with work unfinished.`);
  process.exit(clean ? 0 : 1);
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
