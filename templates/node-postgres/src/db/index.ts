// Connection factory. One pg Pool per process, shared by Better Auth (through the drizzle adapter)
// and the app, so the connection limit below is the whole process's budget.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "../env.ts";
import * as schema from "./schema.ts";

export function createPool(connectionString: string = env.DATABASE_URL): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: env.DATABASE_POOL_MAX,
    idleTimeoutMillis: env.DATABASE_IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    // Timestamps are `without time zone`: now() defaults must be written in UTC, like the values
    // drizzle binds. The pool awaits this before handing the connection out. A SET (rather than the
    // `options` startup parameter) also works behind poolers that reject unknown startup parameters.
    onConnect: async (client) => {
      await client.query("SET TIME ZONE 'UTC'");
    },
  });
  // An idle client can lose its server (restart, failover). Without a listener that error would
  // crash the process; the pool replaces the client on the next checkout.
  pool.on("error", (error) => {
    console.error("PostgreSQL pool error (idle client):", error.message);
  });
  return pool;
}

export function createDb(client: pg.Pool) {
  return drizzle({ client, schema });
}

export type Database = ReturnType<typeof createDb>;

export const pool = createPool();
export const db = createDb(pool);
