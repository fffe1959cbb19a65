// Better Auth: the config the server runs AND the one `npm run auth:generate` reads to (re)generate
// src/db/auth.schema.ts. Plugin options change the generated tables, so change them here only and
// regenerate afterwards. (The mail hooks and social providers below change no table.)
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt, organization } from "better-auth/plugins";
import { admin } from "better-auth/plugins/admin";
import { twoFactor } from "better-auth/plugins/two-factor";
import { API_KEY_OPTIONS, activeOrganizationByDefault, organizationKeyHooks } from "./config/api-keys.ts";
import { requireEmailVerification, resendSettings, socialProviders } from "./config/auth-settings.ts";
import { readableJwtKeys } from "./config/jwt-keys.ts";
import { db } from "./db/index.ts";
import * as schema from "./db/schema.ts";
import { env } from "./env.ts";
import { CLIENT_ADDRESS_HEADER } from "./http/client-address.ts";
import { runAfterResponse } from "./http/shutdown.ts";
import { linkOrigin, trustedOrigins } from "./lib/origins.ts";
import { authSecret } from "./lib/secret.ts";
import { authMailOptions, invitationMailer } from "./mail/auth-mail.ts";
import { createMailer } from "./mail/mailer.ts";

const mailer = createMailer({ production: env.isProduction, resend: resendSettings(process.env) });
const mail = { mailer, linkOrigin, requireEmailVerification: requireEmailVerification(process.env) };
trustedOrigins(); // a malformed TRUSTED_ORIGINS stops the server here, before it listens

export const auth = betterAuth({
  baseURL: env.BETTER_AUTH_URL,
  basePath: "/api/auth",
  ...authSecret(),
  // Better Auth checks this schema object against its tables at startup. A sign-up writes the user and
  // the account in one transaction: a failure halfway leaves neither.
  database: drizzleAdapter(db, { provider: "pg", schema, transaction: true }),
  ...authMailOptions(mail),
  // Only the configured providers are present: Object.keys(auth.options.socialProviders).
  // In development the provider calls back to the port this server listens on (PORT), not BETTER_AUTH_URL's.
  socialProviders: socialProviders(process.env, env.isProduction ? undefined : `http://localhost:${env.PORT}`),
  trustedOrigins: () => trustedOrigins(),
  // An api-key route without an organization acts on the session's active one.
  hooks: { before: activeOrganizationByDefault },
  // Better Auth turns its limiter on only when NODE_ENV is "production"; this app is in production
  // whenever it is not in development or test, an unset NODE_ENV included. The counts live in the
  // rate_limit table, so every instance on this database shares them.
  rateLimit: { enabled: env.isProduction, storage: "database" },
  advanced: {
    // Better Auth skips its Origin/CSRF check when NODE_ENV=test; keep it on so the tests exercise
    // exactly what dev and production do.
    disableOriginCheck: false,
    // The client's address, worked out from the connection and TRUSTED_PROXIES (src/http/client-address.ts):
    // never a header the client wrote.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    // Mail goes out after the response: a slow provider never delays sign-up, and a reset for an
    // unknown address answers as fast as one for a known address. A shutdown waits for it.
    backgroundTasks: { handler: runAfterResponse },
  },
  plugins: [
    organization({ sendInvitationEmail: invitationMailer(mail), organizationHooks: organizationKeyHooks }),
    // Clients ask GET /api/auth/token for a JWT; no session read mints one it did not ask for. Only
    // keys the secrets in use can open are used (src/config/jwt-keys.ts).
    jwt({ disableSettingJwtHeader: true, adapter: readableJwtKeys }),
    // Keys belong to an organization (its owner makes them) and act for it on /api/projects.
    apiKey(API_KEY_OPTIONS),
    // A second step at sign-in: a code from an authenticator app (TOTP), or a backup code.
    twoFactor({ issuer: "authstack-app" }),
    // Passkeys (WebAuthn), bound to the host name of the app's URL (the relying party).
    passkey({ rpName: "authstack-app" }),
    // Users whose role is "admin" list, ban and impersonate users (`npm run auth:admin -- <email>` grants it).
    admin(),
  ],
});

export type Auth = typeof auth;
