import { env } from "cloudflare:workers";
import { app } from "./app.ts";
import { extraTrustedOrigins } from "./config/auth-settings.ts";
import { deleteExpiredRows } from "./db/cleanup.ts";
import { createDb } from "./db/index.ts";
import type { AppEnv } from "./env.ts";

// Checked when the Worker loads, so a malformed TRUSTED_ORIGINS stops `wrangler dev` (and a deploy,
// whose upload runs this) with a message naming the entry, instead of failing every request.
extraTrustedOrigins(env);

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
