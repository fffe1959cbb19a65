// What the pages need from this runtime: the isolate's Better Auth, the one the API uses too
// (src/http/context.ts), and this request's D1 binding.
import { authFor } from "../auth.ts";
import { readAccountOverview } from "../db/account-overview.ts";
import { createDb } from "../db/index.ts";
import { type AppEnv, isProduction } from "../env.ts";
import { executionContext } from "../http/context.ts";
import type { PageRuntime } from "./env.ts";

export const pageRuntime: PageRuntime = {
  auth: (c) => authFor(c.env as AppEnv, c.req.raw, executionContext(c)),
  accountOverview: (c, person, activeId) => readAccountOverview(createDb((c.env as AppEnv).DB), person, activeId),
  isProduction: (c) => isProduction(c.env as AppEnv),
};
