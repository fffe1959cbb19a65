// `npm run dev`: the app in watch mode, on this project's database, in development mode. NODE_ENV is
// set here rather than in package.json (`NODE_ENV=development ...` needs a POSIX shell): unset, the
// app runs as in production.
import { main } from "./lib/main.ts";
import { runWithDatabase } from "./lib/run-with-database.ts";

main(async () => {
  process.env.NODE_ENV = "development";
  process.exitCode = await runWithDatabase("tsx", ["watch", "--clear-screen=false", "src/index.ts", ...process.argv.slice(2)]);
});
