// Better Auth: the config the server runs AND the one `npm run auth:generate` reads to (re)generate
// src/db/auth.schema.ts. Plugin options change the generated tables, so change them here only and
// regenerate afterwards.
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt, organization } from "better-auth/plugins";
import { db } from "./db/index.ts";
import * as schema from "./db/schema.ts";
import { env } from "./env.ts";
import { trustedOrigins } from "./lib/origins.ts";
import { authSecret } from "./lib/secret.ts";

export const auth = betterAuth({
  baseURL: env.BETTER_AUTH_URL,
  basePath: "/api/auth",
  secret: authSecret(),
  // Better Auth checks this schema object against its tables at startup.
  database: drizzleAdapter(db, { provider: "pg", schema }),
  emailAndPassword: { enabled: true },
  trustedOrigins: () => trustedOrigins(),
  // Better Auth skips its Origin/CSRF check when NODE_ENV=test; keep it on so the tests exercise
  // exactly what dev and production do.
  advanced: { disableOriginCheck: false },
  plugins: [organization(), jwt(), apiKey()],
});

export type Auth = typeof auth;
