import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { ApiReply } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import type { currentSession } from "./forms.ts";

export type Session = NonNullable<Awaited<ReturnType<typeof currentSession>>>;

/** What a Better Auth plugin adds to the pages (src/pages/plugins.ts lists the project's). */
export type PagePlugin = {
  /** Its own pages, mounted at "/" beside the others. */
  pages: Hono<PageEnv>;
  /** More buttons of the sign-in form, beside "Sign in": they post its Email field elsewhere (formaction). */
  signInActions?: (next: string) => Child;
  /** Another way to sign in, shown under the password form on /sign-in. */
  signIn?: (c: PageContext, next: string) => Child;
  /** After a right password: the page of a step still to take (two-factor), if this reply asks for one. */
  afterPassword?: (reply: ApiReply, next: string) => string | undefined;
  /** Links in the navigation of a signed-in person. */
  nav?: (session: Session) => Child;
  /** A line above every page of a signed-in person (an admin impersonating someone). */
  banner?: (session: Session) => Child;
};
