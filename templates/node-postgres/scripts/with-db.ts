// Runs a command with the dev database available: `node --import tsx scripts/with-db.ts drizzle-kit push`.
import { main } from "./lib/main.ts";
import { runWithDatabase } from "./lib/run-with-database.ts";

main(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: node --import tsx scripts/with-db.ts <command> [args...]");
  process.exitCode = await runWithDatabase(command, args);
});
