import { env } from "cloudflare:workers";
import { createDb } from "./client.ts";

export { createDb, type Database } from "./client.ts";

/**
 * The Worker's database (the D1 binding `DB`). Bindings are available at module scope through
 * `cloudflare:workers`, so any module of the Worker can import this; request handlers get the same
 * thing as `c.var.db`.
 */
export const db = createDb(env.DB);
