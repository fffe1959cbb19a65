// What the pages need from this runtime: on Node, one Better Auth instance for the process.
import { auth } from "../auth.ts";
import { env } from "../env.ts";
import type { PageRuntime } from "./env.ts";

export const pageRuntime: PageRuntime = {
  auth: () => auth,
  isProduction: () => env.isProduction,
};
