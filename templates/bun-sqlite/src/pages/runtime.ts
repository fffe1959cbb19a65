// What the pages need from this runtime: on Bun, the Better Auth instance and the database createApp() was built with.
import type { Auth } from "../auth.ts";
import { prepareAccountOverview } from "../db/account-overview.ts";
import type { Database } from "../db/index.ts";
import { isProduction } from "../env.ts";
import type { PageRuntime } from "./env.ts";

export function pageRuntime(auth: Auth, db: Database): PageRuntime {
  const accountOverview = prepareAccountOverview(db);
  return { auth: () => auth, accountOverview: (_c, person, activeId) => accountOverview(person, activeId), isProduction };
}
