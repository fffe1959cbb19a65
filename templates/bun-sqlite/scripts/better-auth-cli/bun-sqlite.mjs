// `bun:sqlite` for the Better Auth CLI running on Node. The only part of it the config path touches is
// `new Database(file)` and `exec(sql)` (src/db/client.ts), which Node's own SQLite has with the same meaning.
export { DatabaseSync as Database } from "node:sqlite";
