import { apiKey } from "@better-auth/api-key";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { type BetterAuthOptions, betterAuth } from "better-auth/minimal";
import { jwt } from "better-auth/plugins/jwt";
import { organization } from "better-auth/plugins/organization";
import { createDb, type Database, db } from "./db/index.ts";
import * as schema from "./db/schema.ts";
import { type AppEnv, requireAuthSecret } from "./env.ts";
import { trustedOrigins } from "./trusted-origins.ts";

/**
 * Everything that shapes the database schema. `npm run auth:generate` regenerates
 * src/db/auth.schema.ts from these options, so plugin options here are schema changes.
 */
function authOptions(database: Database) {
  return {
    basePath: "/api/auth",
    database: drizzleAdapter(database, { provider: "sqlite", schema }),
    emailAndPassword: { enabled: true },
    plugins: [organization(), jwt(), apiKey()],
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

/**
 * Better Auth for one request. Bindings and secrets arrive with each request in a Worker, and the
 * trusted origins depend on the port the dev server answers on, so the instance is built per request.
 */
export function createAuth(env: AppEnv, request: Request) {
  return betterAuth({
    ...authOptions(createDb(env.DB)),
    secret: requireAuthSecret(env),
    // Empty BETTER_AUTH_URL: this request's origin, so cookies are Secure whenever it is https.
    baseURL: env.BETTER_AUTH_URL?.trim() || new URL(request.url).origin,
    trustedOrigins: trustedOrigins(env, new URL(request.url)),
    // Cloudflare sets this header to the client's address; X-Forwarded-For can be forged by the client.
    advanced: { ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] } },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * For the Better Auth CLI only (`npm run auth:generate`): it imports this file in Node, where
 * `cloudflare:workers` is an inert stub, and reads the options of `default.auth`. A getter, so the
 * Worker itself never builds this instance.
 */
export default {
  get auth() {
    // No secret or URL here: only the schema is read, so spare the CLI output their warnings.
    return betterAuth({ ...authOptions(db), logger: { level: "error" } });
  },
};
