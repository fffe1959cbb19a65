// What the pages need from this runtime: on Node, one Better Auth instance and one database pool for the process.
import { auth } from "../auth.ts";
import { prepareAccountOverview } from "../db/account-overview.ts";
import { db } from "../db/index.ts";
import { env } from "../env.ts";
import type { PageRuntime } from "./env.ts";

const accountOverview = prepareAccountOverview(db);

export const pageRuntime: PageRuntime = {
  auth: () => auth,
  accountOverview: (_c, person, activeId) => accountOverview(person, activeId),
  isProduction: () => env.isProduction,
};
