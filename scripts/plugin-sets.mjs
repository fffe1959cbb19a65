// npm run plugin-sets [-- --check] [-- --template <id>]: generates, for every template and every set of plugins, the
// files `--plugins` writes (src/auth.ts, the Better Auth schema, the initial migration) with the real Better Auth CLI
// and drizzle-kit, into templates/<id>/plugins/sets/<set>/. --check compares instead of writing and exits 1 on a
// difference: a Better Auth or drizzle-kit bump that changes a schema shows there. Needs Node >= 22.12 (the Better
// Auth CLI's); on an older Node: npx --yes --package=node@22 -- npm run plugin-sets
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSets, storedSet, writeSet } from "./plugin-sets/generate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const only = args.includes("--template") ? [args[args.indexOf("--template") + 1]] : ["node-postgres", "bun-sqlite", "cloudflare"];
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`The Better Auth CLI needs Node.js >= 22.12; this is ${process.versions.node}. Run: npx --yes --package=node@22 -- npm run plugin-sets`);
  process.exit(1);
}

let differ = 0;
for (const id of only) {
  const templateDir = path.join(root, "templates", id);
  const sets = generateSets(templateDir, { work: path.join(os.tmpdir(), "authstack-plugin-sets", id), node: process.execPath, log: console.log });
  for (const [key, files] of Object.entries(sets)) {
    const stored = storedSet(templateDir, key);
    const changed = Object.keys(files).filter((file) => files[file] !== stored[file]);
    if (changed.length === 0) continue;
    if (check || key === "") {
      differ++;
      console.error(`${id} ${key || "(no plugins)"}: ${changed.join(", ")} differ from what the tools generate now.`);
    } else {
      writeSet(templateDir, key, files);
      console.log(`${id} ${key}: wrote ${changed.join(", ")}`);
    }
  }
}
if (differ > 0) {
  console.error(check ? "Run `npm run plugin-sets` and review the diff." : "The template's own files differ from what the tools generate: regenerate them first.");
  process.exit(1);
}
