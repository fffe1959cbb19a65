import type { Context, ExecutionContext } from "hono";
import type { Auth } from "../auth.ts";
import type { AccountOverview, Person } from "../db/account-overview.ts";

/** The whole app (its `fetch`): pages call its JSON API the way a browser front end would. */
export type ApiApp = {
  fetch(request: Request, env?: unknown, executionCtx?: ExecutionContext): Response | Promise<Response>;
};

/** What differs between the runtimes; each template's src/pages/runtime.ts provides it. */
export type PageRuntime = {
  /** Better Auth for this request. */
  auth(c: Context): Auth;
  /** What the home page shows of the signed-in person (src/db/account-overview.ts). */
  accountOverview(c: Context, person: Person, activeId: string | null): Promise<AccountOverview>;
  /** Production hides the dev mailbox link (the mailbox itself answers 404 there). */
  isProduction(c: Context): boolean;
};

export type PageEnv = {
  Variables: { auth: Auth; api: ApiApp; runtime: PageRuntime };
};

export type PageContext = Context<PageEnv>;
