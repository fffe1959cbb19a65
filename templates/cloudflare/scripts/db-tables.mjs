// `npm run db:tables`: one JSON line, {"tables":[...]}, naming the tables of the local D1 database.
// The create-authstack CLI reads it after `db:migrate`; wrangler's and SQLite's own tables are left out.
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

const QUERY = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
const INTERNAL = /^(sqlite_|_cf_|d1_migrations$)/;

const { code, stdout } = await runNode(WRANGLER_BIN, ["d1", "execute", "DB", "--local", "--json", "--command", QUERY], {
  capture: true,
});
if (code !== 0) {
  process.stderr.write(stdout);
  console.error("Could not read the local D1 database (wrangler d1 execute DB --local failed, see above).");
  process.exit(code);
}

/** @type {{ results: { name: string }[] }[]} */
const batches = JSON.parse(stdout);
const tables = batches.flatMap((batch) => batch.results.map((row) => row.name)).filter((name) => !INTERNAL.test(name));
console.log(JSON.stringify({ tables }));
