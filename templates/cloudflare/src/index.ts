import { app } from "./app.ts";
import { deleteExpiredRows } from "./db/cleanup.ts";
import { createDb } from "./db/index.ts";
import type { AppEnv } from "./env.ts";

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
