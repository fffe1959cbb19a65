import { defineConfig } from "vitest/config";
// @ts-expect-error plain ESM helper shared with tsup.config.ts
import { bundledTemplates } from "./scripts/bundled-templates.mjs";

const define = {
  __VERSION__: JSON.stringify("0.0.0-test"),
  __BUNDLED_TEMPLATES__: JSON.stringify(bundledTemplates(".")),
};

export default defineConfig({
  define,
  test: {
    // picocolors decides once, when loaded, from the environment (CI=true turns colours on): tests read plain text.
    env: { NO_COLOR: "1" },
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"], testTimeout: 30_000 } },
      {
        extends: true,
        test: {
          name: "cli",
          include: ["test/cli/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts", "test/support/e2e-setup.ts"],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
