// Runs a piece of work against the dev database: the local server (started, or reused when another
// command already runs it) unless DATABASE_URL points somewhere else.
import "../../src/load-env.ts";
import { isLocalDatabaseUrl, LOCAL_DATABASE_URL } from "../../src/db/local-url.ts";
import { acquireLocalPostgres, type LocalServerLease } from "./local-postgres.ts";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || LOCAL_DATABASE_URL;
}

export async function startDatabase(url: string = databaseUrl()): Promise<LocalServerLease | undefined> {
  return isLocalDatabaseUrl(url) ? acquireLocalPostgres(url) : undefined;
}

export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const url = databaseUrl();
  const lease = await startDatabase(url);
  // Ctrl-C mid-way still stops a server we started.
  const onSignal = (signal: NodeJS.Signals) => {
    void (lease?.release() ?? Promise.resolve()).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(url);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await lease?.release();
  }
}
