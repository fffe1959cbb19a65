// `npm run db:migrate`: apply pending migrations from drizzle/ to the local D1 database (.wrangler/state).
// Without stdin, wrangler skips its "continue?" prompt, pointless for a local database: the command
// behaves the same in a terminal, in CI and under create-authstack. Running it again is a no-op.
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

const { code } = await runNode(WRANGLER_BIN, ["d1", "migrations", "apply", "DB", "--local", ...process.argv.slice(2)], {
  interactive: false,
});
process.exitCode = code;
