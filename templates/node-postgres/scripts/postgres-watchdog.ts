// Started by scripts/lib/local-postgres.ts beside each local server it starts, detached: stops the
// server once no command of the project uses it, also when the last one was killed with -9.
import { watchServer } from "./lib/local-postgres.ts";

await watchServer(Number(process.argv[2])).catch(() => {
  // Nothing to report to: no terminal. The next command of the project takes the server over.
});
process.exit(0);
