import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { member } from "../db/schema.ts";
import type { Auth } from "../auth.ts";
import type { Database } from "../db/index.ts";
import { apiKeyOrganization } from "./api-key.ts";
import { type Answer, remember } from "./auth-cache.ts";
import type { AppContext } from "./context.ts";

/**
 * Admits a signed-in user with an active organization they belong to, or that organization's API key,
 * and records the ids for the handlers: every query behind this middleware is scoped by
 * `c.var.organizationId`.
 */
export const requireActiveOrganization = createMiddleware<AppContext>(async (c, next) => {
  const keyed = await apiKeyOrganization(c, c.var.auth.api.verifyApiKey);
  if (keyed instanceof Response) return keyed;
  if (keyed !== undefined) {
    c.set("userId", null);
    c.set("organizationId", keyed);
    return next();
  }

  // A cookie admitted in the last few seconds is admitted again without a query (src/http/auth-cache.ts).
  const cookie = c.req.header("cookie");
  const admitted = cookie ? await remember(`session ${cookie}`, () => admit(c.var.auth, c.var.db, c.req.raw.headers)) : null;
  if (!admitted) return c.json({ error: "Unauthorized" }, 401);
  if ("error" in admitted) return c.json({ error: admitted.error }, admitted.status);

  c.set("userId", admitted.userId);
  c.set("organizationId", admitted.organizationId);
  await next();
});

type Admission = { userId: string; organizationId: string } | { status: 400 | 403; error: string };

/** The session's user in its active organization, which they still belong to; null without a session. */
async function admit(auth: Auth, db: Database, headers: Headers): Promise<Answer<Admission | null>> {
  const session = await auth.api.getSession({ headers });
  if (!session) return { value: null, keep: false };

  const organizationId = session.session.activeOrganizationId;
  if (!organizationId) {
    const error =
      "No active organization: create one with POST /api/auth/organization/create, or pick one with " +
      'POST /api/auth/organization/set-active {"organizationId":"..."}';
    return { value: { status: 400, error }, keep: false };
  }

  // The session remembers the organization that was active; membership may have ended since.
  const [membership] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, session.user.id)))
    .limit(1);
  if (!membership) return { value: { status: 403, error: "Forbidden: you are no longer a member of the active organization" }, keep: false };
  return { value: { userId: session.user.id, organizationId }, keep: true, until: session.session.expiresAt };
}
