// Every setting the app reads, parsed once. Keep .env.example in sync with this file.
import "./load-env.ts";
import { ConfigError } from "./config/config-error.ts";
import { publicOrigin } from "./config/public-url.ts";
import { LOCAL_NOT_RUNNING_URL, runningLocalDatabaseUrl } from "./db/local-url.ts";

// Development only when asked: `npm run dev` sets NODE_ENV=development and vitest sets "test". Any
// other value, or none (a deploy that forgot it), is production: no dev mailbox, rate limits on.
const nodeEnv = process.env.NODE_ENV?.trim() || "production";
const isProduction = nodeEnv !== "development" && nodeEnv !== "test";

function text(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function integer(name: string, fallback: number): number {
  const raw = text(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}". Fix it in .env.`);
  }
  return value;
}

function databaseUrl(): string {
  const url = text("DATABASE_URL");
  if (url) return url;
  // Falling back to the local server in production would hide a missing setting behind
  // "connection refused" on every request.
  if (isProduction) {
    throw new ConfigError("DATABASE_URL is not set. In production set it to your PostgreSQL connection string, e.g. DATABASE_URL=postgresql://user:password@host:5432/app.");
  }
  // Empty: this project's local server. `npm run dev` and the scripts pass its URL in; started any
  // other way (`npx tsx src/index.ts`), the app finds it while one of them runs.
  const local = runningLocalDatabaseUrl();
  if (local) return local;
  console.warn(
    "DATABASE_URL is empty and this project's local PostgreSQL is not running, so database calls will fail. " +
      "Start the app with `npm run dev` (it starts the database), or set DATABASE_URL in .env.",
  );
  return LOCAL_NOT_RUNNING_URL;
}

const port = integer("PORT", 3000);

export const env = {
  NODE_ENV: nodeEnv,
  isProduction,
  isTest: nodeEnv === "test",
  PORT: port,
  // Unset: Node listens on every interface (IPv6 and IPv4), so 127.0.0.1 and localhost both work.
  HOST: text("HOST"),
  DATABASE_URL: databaseUrl(),
  DATABASE_POOL_MAX: integer("DATABASE_POOL_MAX", 10),
  DATABASE_IDLE_TIMEOUT_MS: integer("DATABASE_IDLE_TIMEOUT_MS", 30_000),
  DATABASE_CONNECT_TIMEOUT_MS: integer("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
  // Required in production: links and redirects are built from it, never from the request's Host.
  BETTER_AUTH_URL: publicOrigin(process.env.BETTER_AUTH_URL, isProduction) ?? `http://localhost:${port}`,
} as const;
