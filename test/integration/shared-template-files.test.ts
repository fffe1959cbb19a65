import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths.js";

const TEMPLATES = ["node-postgres", "bun-sqlite", "cloudflare"] as const;

// Files that every template ships with the same bytes: the runtime does not force a difference, so a fix made in one
// template must reach the others. Where a runtime does force one, it lives in a small file of its own, not here.
const SHARED_FILES: readonly string[] = [
  // issue #9: mail and auth flows
  "src/mail/mailbox.ts",
  "src/mail/messages.ts",
  "src/mail/mailer.ts",
  "src/mail/resend.ts",
  "src/mail/auth-mail.ts",
  // issue #18: the plugins' own files (written only when chosen)
  "plugins/files/magic-link/src/mail/magic-link.ts",
  "plugins/files/magic-link/src/pages/magic-link.tsx",
  "plugins/files/two-factor/src/pages/two-factor.tsx",
  "plugins/files/passkey/src/pages/passkeys.tsx",
  "plugins/files/passkey/src/pages/passkey-script.ts",
  "plugins/files/admin/src/pages/admin.tsx",
  "src/pages/page-plugin.ts",
  "src/pages/plugins.ts",
  "src/config/auth-settings.ts",
  "src/config/config-error.ts",
  "src/config/warn-once.ts",
  "src/http/loopback.ts",
  "src/http/link-origin.ts",
  "src/http/cross-origin.ts",
  // issue #10: pages (each template's src/pages/runtime.ts is its own)
  "src/pages/account.tsx",
  "src/pages/api-keys.tsx",
  "src/pages/api.ts",
  "src/pages/dev-mail.tsx",
  "src/pages/env.ts",
  "src/pages/forms.ts",
  "src/pages/home.tsx",
  "src/pages/index.tsx",
  "src/pages/invitation.tsx",
  "src/pages/layout.tsx",
  "src/pages/projects.tsx",
  "src/pages/same-origin.tsx",
  "src/pages/styles.ts",
  "src/pages/ui.tsx",
  // issue #16: production (security headers, body limit, readiness)
  "src/http/protect.ts",
  "src/config/public-url.ts",
  "src/http/client-address.ts",
  "src/http/api-key.ts",
  "src/http/auth-cache.ts",
  "src/config/api-keys.ts",
  "src/config/auth-secrets.ts",
  "src/config/jwt-keys.ts",
  "src/http/rotated-cookies.ts",
  // issue #19: Better Auth's adapter suites and the tests they skip on this schema
  "test/adapter-suites.ts",
  // issue #19: auth:check and the Better Auth CLI on any supported Node
  "scripts/lib/better-auth-cli.mjs",
  "scripts/lib/auth-check.mjs",
  "scripts/lib/auth-check.d.mts",
];

// The two that run a server process of their own (Workers has neither signals nor work after the response).
const SERVER_FILES: readonly string[] = ["src/http/shutdown.ts"];

// The two on SQLite, whose drivers have no transaction that spans Better Auth's awaits.
const SQLITE_FILES: readonly string[] = ["src/db/undo-on-failure.ts"];

// The two whose app Node itself can load for the Better Auth CLI (bun-sqlite's needs a bun:sqlite stand-in).
const NODE_LOADED_FILES: readonly string[] = ["scripts/auth-generate.mjs"];

describe("files shared by the three templates", () => {
  it.each(SHARED_FILES)("%s is byte-identical in every template", (file) => {
    const [first, ...rest] = TEMPLATES.map((id) => readFileSync(path.join(REPO_ROOT, "templates", id, file)));
    for (const [index, other] of rest.entries()) {
      expect(other.equals(first!), `templates/${TEMPLATES[index + 1]}/${file} differs from templates/${TEMPLATES[0]}/${file}`).toBe(true);
    }
  });
});

describe("files shared by the two server templates", () => {
  it.each(SERVER_FILES)("%s is byte-identical in node-postgres and bun-sqlite", (file) => {
    const [node, bun] = ["node-postgres", "bun-sqlite"].map((id) => readFileSync(path.join(REPO_ROOT, "templates", id, file)));
    expect(bun!.equals(node!), `templates/bun-sqlite/${file} differs from templates/node-postgres/${file}`).toBe(true);
  });
});

describe("files shared by the two SQLite templates", () => {
  it.each(SQLITE_FILES)("%s is byte-identical in bun-sqlite and cloudflare", (file) => {
    const [bun, cloudflare] = ["bun-sqlite", "cloudflare"].map((id) => readFileSync(path.join(REPO_ROOT, "templates", id, file)));
    expect(cloudflare!.equals(bun!), `templates/cloudflare/${file} differs from templates/bun-sqlite/${file}`).toBe(true);
  });
});

describe("files shared by node-postgres and cloudflare", () => {
  it.each(NODE_LOADED_FILES)("%s is byte-identical in node-postgres and cloudflare", (file) => {
    const [node, cloudflare] = ["node-postgres", "cloudflare"].map((id) => readFileSync(path.join(REPO_ROOT, "templates", id, file)));
    expect(cloudflare!.equals(node!), `templates/cloudflare/${file} differs from templates/node-postgres/${file}`).toBe(true);
  });
});
