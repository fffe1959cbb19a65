import { env } from "cloudflare:workers";
import { app } from "./app.ts";
import { extraTrustedOrigins } from "./config/auth-settings.ts";
import { publicOrigin } from "./config/public-url.ts";
import { trustedProxies } from "./http/client-address.ts";
import { deleteExpiredRows } from "./db/cleanup.ts";
import { createDb } from "./db/index.ts";
import { type AppEnv, isProduction, requireAuthSecret } from "./env.ts";

// Checked when the Worker loads, so a malformed TRUSTED_ORIGINS or TRUSTED_PROXIES, a missing or
// short secret, or a production Worker without BETTER_AUTH_URL (links would be built from each
// request's Host), stops `wrangler dev` (and a deploy, whose upload runs this) with a message naming
// it, instead of failing every request.
extraTrustedOrigins(env);
trustedProxies(env.TRUSTED_PROXIES);
requireAuthSecret(env);
publicOrigin(env.BETTER_AUTH_URL, isProduction(env));

export default {
  fetch: app.fetch,

  /** Cron trigger (wrangler.jsonc `triggers.crons`): removes expired sessions, verifications, invitations. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      deleteExpiredRows(createDb(env.DB)).then((removed) => {
        console.log(JSON.stringify({ cleanup: removed, cron: controller.cron }));
      }),
    );
  },
} satisfies ExportedHandler<AppEnv>;
