// Runs a piece of work against the dev database: this project's local server (started, or reused
// when another command already runs it) when DATABASE_URL is empty, else the server it names.
import "../../src/load-env.ts";
import { isLocalDatabaseUrl } from "../../src/db/local-url.ts";
import { acquireLocalPostgres } from "./local-postgres.ts";

export type DevDatabase = { url: string; release(): Promise<void> };

/** DATABASE_URL as configured (empty: the local server). */
export function configuredDatabaseUrl(): string {
  return process.env.DATABASE_URL?.trim() ?? "";
}

/** The database to use now; `release()` stops a local server nobody else uses. */
export async function openDatabase(url: string = configuredDatabaseUrl()): Promise<DevDatabase> {
  if (!isLocalDatabaseUrl(url)) return { url, release: async () => {} };
  return acquireLocalPostgres();
}

export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  // Ctrl-C mid-way still stops a server we started.
  const onSignal = (signal: NodeJS.Signals) => {
    void database.release().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(database.url);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await database.release();
  }
}
