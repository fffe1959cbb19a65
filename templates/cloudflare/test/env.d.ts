import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      /** Set in vitest.config.ts from drizzle/. */
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}
