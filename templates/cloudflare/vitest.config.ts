import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { applyOfflineEnv } from "./scripts/lib/run.mjs";

// Tests run offline: no metrics, error reports or request.cf lookups from the Workers runtime.
applyOfflineEnv();

export default defineConfig(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          // The shipped migrations, applied to each test file's fresh D1 by test/setup.ts.
          TEST_MIGRATIONS: await readD1Migrations("./drizzle"),
          // Fixed values, so tests never depend on a developer's .dev.vars.
          BETTER_AUTH_SECRET: "test-secret-that-is-at-least-32-characters-long",
          BETTER_AUTH_URL: "http://localhost:8787",
          ENVIRONMENT: "test",
        },
      },
    }),
  ],
  test: {
    setupFiles: ["./test/setup.ts"],
    // A local stand-in for Resend's API, on Node, that the Worker under test sends mail to.
    globalSetup: ["./test/resend-stand-in.ts"],
  },
}));
