/**
 * The name to give `.prepare()` on this driver: none. A prepared query's SQL is built once; an unprepared one is
 * built again on every call (measured: about 0.1 ms of CPU a query, more than the rest of the app's work for it).
 * Left unnamed, pg sends it as it sends any query, so PostgreSQL plans it per call, and a pooler in transaction
 * mode (PgBouncer, Supavisor), on which a named statement would exist on one server connection only, serves it.
 */
export const UNNAMED = "";
