import type { Auth } from "../auth";

type SessionData = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

/** What the session middleware puts on the Hono context for the routes behind it. */
export type TenantEnv = {
  Variables: {
    user: SessionData["user"];
    session: SessionData["session"];
    /** The session's active organization, checked to still include the user: every query filters on it. */
    organizationId: string;
  };
};
