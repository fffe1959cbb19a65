// Every set of plugins of every template, regenerated now with the real Better Auth CLI (on Node 22) and
// drizzle-kit, must equal what the CLI packs for --plugins: a bump of better-auth, a plugin or drizzle-kit that
// changes a schema fails here, and `npm run plugin-sets` writes the new files. The empty set is the template
// itself, so its own schema and migration are checked the same way.
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ESM generator, shared with scripts/plugin-sets.mjs
import { generateSets, storedSet } from "../../scripts/plugin-sets/generate.mjs";
import { REPO_ROOT } from "../support/paths.js";
import { tempDir } from "../support/temp.js";

describe.each(["node-postgres", "bun-sqlite", "cloudflare"])("%s: the files of every set of plugins", (template) => {
  it("are what the Better Auth CLI and drizzle-kit generate for it now", () => {
    const templateDir = path.join(REPO_ROOT, "templates", template);
    const work = path.join(tempDir(`authstack-sets-${template}-`), "work");
    const generated = generateSets(templateDir, { work, node: inject("tools").node22 }) as Record<string, Record<string, string>>;
    expect(Object.keys(generated)).toHaveLength(16);
    for (const [key, files] of Object.entries(generated)) {
      const stored = storedSet(templateDir, key) as Record<string, string | undefined>;
      for (const [file, content] of Object.entries(files)) {
        expect(stored[file], `${template} ${key || "(no plugins)"}: ${file} (run \`npm run plugin-sets\`)`).toBe(content);
      }
    }
  });
});

