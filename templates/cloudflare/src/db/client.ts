import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

/** Drizzle over a D1 binding. Kept free of Worker-only imports so Node scripts (db:cleanup) can use it too. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

export type Database = ReturnType<typeof createDb>;
