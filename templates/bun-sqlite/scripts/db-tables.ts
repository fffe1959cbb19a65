// db:tables — prints one line, {"tables":[...]}, naming the tables that exist in the dev database (DB_FILE).
// Machine-readable on purpose (create-authstack checks it after migrating): nothing else goes to stdout.
import { existsSync } from "node:fs";
import { createDatabase } from "../src/db/client";
import { listTables } from "../src/db/list-tables";
import { databaseFile } from "../src/env";

const file = databaseFile();
// A database that was never created has no tables; opening it would create an empty file.
if (file !== ":memory:" && !existsSync(file)) {
  console.log(JSON.stringify({ tables: [] }));
} else {
  const db = createDatabase(file);
  try {
    console.log(JSON.stringify({ tables: listTables(db) }));
  } finally {
    db.$client.close();
  }
}
