// Reads the title and hint of every bundled template at build time (tsup and vitest both define it).
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const ORDER = ["node-postgres", "bun-sqlite", "cloudflare"];

export function bundledTemplates(root) {
  const dir = join(root, "templates");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "template.json")))
    .map((entry) => {
      const meta = JSON.parse(readFileSync(join(dir, entry.name, "template.json"), "utf8"));
      return { id: entry.name, title: meta.title ?? entry.name, hint: meta.hint ?? "" };
    })
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

const rank = (id) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
