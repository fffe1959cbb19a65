/**
 * Better Auth: the runtime configuration and, unchanged, the input of the Better Auth CLI
 * (`auth:generate` regenerates src/db/auth.schema.ts from it). Plugins keep their default options, because
 * options such as api-key rate limits change the generated columns.
 */
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt, organization } from "better-auth/plugins";
import { authBaseURL, authSecret } from "./env";
import { db, type Database } from "./db";
import * as schema from "./db/schema";
import { trustedOrigins } from "./origins";

export function createAuth(database: Database) {
  return betterAuth({
    appName: "authstack",
    basePath: "/api/auth",
    baseURL: authBaseURL(),
    secret: authSecret(),
    database: drizzleAdapter(database, { provider: "sqlite", schema }),
    emailAndPassword: { enabled: true },
    plugins: [organization(), jwt(), apiKey()],
    trustedOrigins,
    // Better Auth turns its origin and CSRF checks off when NODE_ENV=test; keep them on, so tests see production.
    advanced: { disableOriginCheck: false, disableCSRFCheck: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export const auth = createAuth(db);
