// What the pages need from this runtime: on Workers, bindings arrive with each request, so Better
// Auth is built per request from them (as for the API, src/http/context.ts).
import { createAuth } from "../auth.ts";
import { type AppEnv, isProduction } from "../env.ts";
import type { PageRuntime } from "./env.ts";

export const pageRuntime: PageRuntime = {
  auth: (c) => createAuth(c.env as AppEnv, c.req.raw),
  isProduction: (c) => isProduction(c.env as AppEnv),
};
