import type { Auth } from "../auth";

type SessionData = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

/** What the session middleware puts on the Hono context for the routes behind it. */
export type TenantEnv = {
  Variables: {
    /** The signed-in user and session; null for a request made with an API key, which acts for the organization. */
    user: SessionData["user"] | null;
    session: SessionData["session"] | null;
    /** The session's active organization, checked to still include the user: every query filters on it. */
    organizationId: string;
  };
};
