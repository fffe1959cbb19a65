/**
 * Better Auth: the runtime configuration and, unchanged, the input of the Better Auth CLI
 * (`auth:generate` regenerates src/db/auth.schema.ts from it). Plugin options such as api-key rate limits
 * change the generated columns: change them here, then regenerate. (The mail hooks and social providers
 * change no table.)
 */
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { jwt, organization } from "better-auth/plugins";
import { admin } from "better-auth/plugins/admin";
import { magicLink } from "better-auth/plugins/magic-link";
import { API_KEY_OPTIONS, activeOrganizationByDefault, organizationKeyHooks } from "./config/api-keys.ts";
import { requireEmailVerification, resendSettings, socialProviders } from "./config/auth-settings.ts";
import { readableJwtKeys } from "./config/jwt-keys.ts";
import { authBaseURL, authSecret, isProduction, serverPort } from "./env";
import { db, type Database } from "./db";
import * as schema from "./db/schema";
import { undoOnFailure } from "./db/undo-on-failure.ts";
import { CLIENT_ADDRESS_HEADER } from "./http/client-address.ts";
import { runAfterResponse } from "./http/shutdown.ts";
import { authMailOptions, invitationMailer } from "./mail/auth-mail.ts";
import { magicLinkMailer } from "./mail/magic-link.ts";
import { createMailer } from "./mail/mailer.ts";
import { linkOrigin, trustedOrigins } from "./origins";

export function createAuth(database: Database) {
  const mailer = createMailer({ production: isProduction(), resend: resendSettings(process.env) });
  const mail = { mailer, linkOrigin, requireEmailVerification: requireEmailVerification(process.env) };
  return betterAuth({
    appName: "authstack",
    basePath: "/api/auth",
    baseURL: authBaseURL(),
    ...authSecret(),
    // A sign-up's user and account: both, or neither (src/db/undo-on-failure.ts).
    database: undoOnFailure(drizzleAdapter(database, { provider: "sqlite", schema })),
    ...authMailOptions(mail),
    // Only the configured providers are present: Object.keys(auth.options.socialProviders).
    // In development the provider calls back to the port this server listens on (PORT), not BETTER_AUTH_URL's.
    socialProviders: socialProviders(process.env, isProduction() ? undefined : `http://localhost:${serverPort()}`),
    plugins: [
      organization({ sendInvitationEmail: invitationMailer(mail), organizationHooks: organizationKeyHooks }),
      // Clients ask GET /api/auth/token for a JWT; no session read mints one it did not ask for. Only
      // keys the secrets in use can open are used (src/config/jwt-keys.ts).
      jwt({ disableSettingJwtHeader: true, adapter: readableJwtKeys }),
      // Keys belong to an organization (its owner makes them) and act for it on /api/projects.
      apiKey(API_KEY_OPTIONS),
      // Passkeys (WebAuthn), bound to the host name of the app's URL (the relying party).
      passkey({ rpName: "authstack-app" }),
      // Sign-in by a link sent to the address; the link works once, for five minutes.
      magicLink({ sendMagicLink: magicLinkMailer(mail) }),
      // Users whose role is "admin" list, ban and impersonate users (`npm run auth:admin -- <email>` grants it).
      admin(),
    ],
    trustedOrigins,
    // An api-key route without an organization acts on the session's active one.
    hooks: { before: activeOrganizationByDefault },
    // Better Auth turns its limiter on only when NODE_ENV is "production"; this app is in production
    // whenever it is not in development or test, an unset NODE_ENV included. The counts live in the
    // rate_limit table, so every process on this database file shares them.
    rateLimit: { enabled: isProduction(), storage: "database" },
    advanced: {
      // Better Auth turns its origin and CSRF checks off when NODE_ENV=test; keep them on, so tests see production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      // The client's address, worked out from the connection and TRUSTED_PROXIES (src/http/client-address.ts):
      // never a header the client wrote.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // Mail goes out after the response: a slow provider never delays sign-up, and a reset for an unknown address
      // answers as fast as one for a known address. A shutdown waits for it.
      backgroundTasks: { handler: runAfterResponse },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export const auth = createAuth(db);
