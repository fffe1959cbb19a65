// Once per test run: make the database server available. The local server is started (or reused
// when `npm run dev` already runs it) and stopped afterwards. Any other URL (TEST_DATABASE_URL, else
// DATABASE_URL) must point at a server where that user may CREATE DATABASE: the tests create and
// drop their own databases there and never touch the one named in the URL.
import type { TestProject } from "vitest/node";
import { configuredDatabaseUrl, openDatabase } from "../../scripts/lib/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await openDatabase(process.env.TEST_DATABASE_URL?.trim() || configuredDatabaseUrl());
  project.provide("serverUrl", database.url);
  return () => database.release();
}
