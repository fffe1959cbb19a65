// `npm run dev`: wrangler dev on 127.0.0.1 (wrangler.jsonc `dev`), on $PORT when set (default 8787).
// A script rather than `wrangler dev --port $PORT`, which would need a POSIX shell.
import { runNode, WRANGLER_BIN } from "./lib/run.mjs";

// Development mode whatever .dev.vars says: wrangler.jsonc's ENVIRONMENT is "production", as deployed.
const args = ["dev", "--var", "ENVIRONMENT:development", ...process.argv.slice(2)];
const port = process.env.PORT?.trim();
if (port && !args.includes("--port")) {
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    console.error(`PORT must be a number from 1 to 65535, got "${port}".`);
    process.exit(2);
  }
  args.push("--port", port);
}

const { code } = await runNode(WRANGLER_BIN, args, { stopWhenOrphaned: true });
process.exitCode = code;
