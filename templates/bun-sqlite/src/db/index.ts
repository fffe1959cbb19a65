import { databaseFile } from "../env";
import { createDatabase } from "./client";

export { createDatabase, type Database } from "./client";

/** The app's database: the file named by DB_FILE (default data/app.db). Tests build their own with createDatabase. */
export const db = createDatabase(databaseFile());
