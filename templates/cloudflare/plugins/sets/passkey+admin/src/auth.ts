import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { admin } from "better-auth/plugins/admin";
import { AsyncLocalStorage } from "node:async_hooks";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { type BetterAuthOptions, betterAuth } from "better-auth/minimal";
import { jwt } from "better-auth/plugins/jwt";
import { organization } from "better-auth/plugins/organization";
import { LRUCache } from "lru-cache";
import { API_KEY_OPTIONS, activeOrganizationByDefault, organizationKeyHooks } from "./config/api-keys.ts";
import { requireEmailVerification, resendSettings, socialProviders } from "./config/auth-settings.ts";
import { readableJwtKeys } from "./config/jwt-keys.ts";
import { publicOrigin } from "./config/public-url.ts";
import { CLIENT_ADDRESS_HEADER } from "./http/client-address.ts";
import { createDb, type Database, db } from "./db/index.ts";
import * as schema from "./db/schema.ts";
import { undoOnFailure } from "./db/undo-on-failure.ts";
import { type AppEnv, isProduction, requireAuthSecret } from "./env.ts";
import { type AuthMailSettings, authMailOptions, invitationMailer } from "./mail/auth-mail.ts";
import { createMailer } from "./mail/mailer.ts";
import { linkOrigin, trustedOrigins } from "./trusted-origins.ts";

/**
 * Everything that shapes the database schema. `npm run auth:generate` regenerates
 * src/db/auth.schema.ts from these options, so plugin options here are schema changes. (The mail
 * hooks change no table; the CLI reads these options without them.)
 */
function authOptions(database: Database, mail?: AuthMailSettings) {
  return {
    basePath: "/api/auth",
    // A sign-up's user and account: both, or neither (src/db/undo-on-failure.ts).
    database: undoOnFailure(drizzleAdapter(database, { provider: "sqlite", schema })),
    ...(mail ? authMailOptions(mail) : { emailAndPassword: { enabled: true } }),
    plugins: [
      organization({ ...(mail && { sendInvitationEmail: invitationMailer(mail) }), organizationHooks: organizationKeyHooks }),
      // Clients ask GET /api/auth/token for a JWT; no session read mints one it did not ask for. Only
      // keys the secrets in use can open are used (src/config/jwt-keys.ts).
      jwt({ disableSettingJwtHeader: true, adapter: readableJwtKeys }),
      // Keys belong to an organization (its owner makes them) and act for it on /api/projects.
      apiKey(API_KEY_OPTIONS),
      // Passkeys (WebAuthn), bound to the host name of the app's URL (the relying party).
      passkey({ rpName: "authstack-app" }),
      // Users whose role is "admin" list, ban and impersonate users (`npm run auth:admin -- <email>` grants it).
      admin(),
    ],
    // The counts live in the rate_limit table, so every isolate and every location shares them.
    rateLimit: { storage: "database" },
    // An api-key route without an organization acts on the session's active one.
    hooks: { before: activeOrganizationByDefault },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

type WaitUntil = Pick<ExecutionContext, "waitUntil">;

// The request being served, for the one Better Auth its isolate shares: mail it sends after the response
// is kept alive by that request's waitUntil.
const serving = new AsyncLocalStorage<WaitUntil>();

/** Runs one request's work with its execution context at hand for Better Auth's background tasks. */
export function withExecutionContext<T>(ctx: WaitUntil | undefined, work: () => T): T {
  return ctx ? serving.run(ctx, work) : work();
}

// Per bindings object (the isolate's env) and origin: in development the dev server's own origin shapes
// the trusted origins and the links; in production nothing in it comes from the request. Bounded, since
// the Host header is the client's to write.
const built = new WeakMap<AppEnv, LRUCache<string, Auth>>();

/**
 * Better Auth for this request, built once per isolate (and, in development, per origin the dev server
 * is reached at) rather than per request: building it costs more than a session read.
 */
export function authFor(env: AppEnv, request: Request, ctx?: WaitUntil): Auth {
  const key = `${ctx ? "waitUntil" : "await"} ${isProduction(env) ? "" : new URL(request.url).origin}`;
  let instances = built.get(env);
  if (!instances) built.set(env, (instances = new LRUCache({ max: 16 })));
  let auth = instances.get(key);
  if (!auth) instances.set(key, (auth = createAuth(env, request, ctx && { waitUntil: (task) => serving.getStore()?.waitUntil(task) })));
  return auth;
}

/**
 * Better Auth from this Worker's bindings and secrets; the trusted origins depend on the port the dev
 * server answers on. `ctx` lets mail go out after the response (waitUntil) instead of holding it up.
 * Requests use authFor, which keeps the instance.
 */
export function createAuth(env: AppEnv, request: Request, ctx?: WaitUntil) {
  const mailer = createMailer({ production: isProduction(env), resend: resendSettings(env) });
  const mail = { mailer, linkOrigin: () => linkOrigin(env, request), requireEmailVerification: requireEmailVerification(env) };
  const options = authOptions(createDb(env.DB), mail);
  return betterAuth({
    ...options,
    ...requireAuthSecret(env),
    // Required in production (a ConfigError: the request answers 500 naming it). Empty in development
    // only: this request's origin, the dev server's.
    baseURL: publicOrigin(env.BETTER_AUTH_URL, isProduction(env)) ?? new URL(request.url).origin,
    trustedOrigins: trustedOrigins(env, new URL(request.url)),
    // Better Auth turns its limiter on only when NODE_ENV is "production", which a Worker never has.
    rateLimit: { ...options.rateLimit, enabled: isProduction(env) },
    // Only the configured providers are present: Object.keys(auth.options.socialProviders).
    // In development the provider calls back to the dev server the request came to, not BETTER_AUTH_URL.
    socialProviders: socialProviders(env, isProduction(env) ? undefined : linkOrigin(env, request)),
    advanced: {
      // The client's address, worked out from CF-Connecting-IP (Cloudflare's edge writes it) and
      // TRUSTED_PROXIES (src/http/client-address.ts): never a header the client wrote.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      // A Worker may stop once the response is sent: keep it alive for the mail with waitUntil.
      ...(ctx && { backgroundTasks: { handler: (task: Promise<unknown>) => ctx.waitUntil(task) } }),
    },
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
