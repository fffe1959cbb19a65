// What the pages need from this runtime: on Bun, the Better Auth instance createApp() was built with.
import type { Auth } from "../auth.ts";
import { isProduction } from "../env.ts";
import type { PageRuntime } from "./env.ts";

export function pageRuntime(auth: Auth): PageRuntime {
  return { auth: () => auth, isProduction };
}
