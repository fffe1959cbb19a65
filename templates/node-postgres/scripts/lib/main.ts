// Script runner: expected failures (configuration, local server) print their message, not a stack.
import { configuredDatabaseUrl } from "./database.ts";

export function main(run: () => Promise<void>): void {
  run().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof Error && ["LocalPostgresError", "ConfigError"].includes(error.name)) {
        console.error(`\n${error.message}\n`);
      } else if (isConnectionRefused(error)) {
        console.error(`\nCannot reach PostgreSQL at ${redact(configuredDatabaseUrl())}: is it running? Check DATABASE_URL in .env.\n`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

function isConnectionRefused(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT";
}

// Never print a password from a connection string.
export function redact(url: string | undefined): string {
  if (!url) return "(DATABASE_URL empty: the local PostgreSQL)";
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
