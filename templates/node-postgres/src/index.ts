// Server entry: `npm run dev` (watch mode) and `npm start` (after `npm run build`).
import { serve } from "@hono/node-server";

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

let stopping = false;
function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  // A keep-alive connection would hold close() open; the hard timeout bounds the wait.
  setTimeout(() => process.exit(0), 5_000).unref();
  server.close(() => {
    pool.end().finally(() => process.exit(0));
  });
  if ("closeAllConnections" in server) server.closeAllConnections();
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
