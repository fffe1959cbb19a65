// What the pages need from this runtime: the isolate's Better Auth, the one the API uses too
// (src/http/context.ts).
import { authFor } from "../auth.ts";
import { type AppEnv, isProduction } from "../env.ts";
import { executionContext } from "../http/context.ts";
import type { PageRuntime } from "./env.ts";

export const pageRuntime: PageRuntime = {
  auth: (c) => authFor(c.env as AppEnv, c.req.raw, executionContext(c)),
  isProduction: (c) => isProduction(c.env as AppEnv),
};
