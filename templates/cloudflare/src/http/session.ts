import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { member } from "../db/schema.ts";
import { apiKeyOrganization } from "./api-key.ts";
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

  const session = await c.var.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return c.json({ error: "Unauthorized" }, 401);

  const organizationId = session.session.activeOrganizationId;
  if (!organizationId) {
    return c.json(
      {
        error:
          "No active organization: create one with POST /api/auth/organization/create, or pick one with " +
          'POST /api/auth/organization/set-active {"organizationId":"..."}',
      },
      400,
    );
  }

  // The session remembers the organization that was active; membership may have ended since.
  const [membership] = await c.var.db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, session.user.id)))
    .limit(1);
  if (!membership) return c.json({ error: "Forbidden: you are no longer a member of the active organization" }, 403);

  c.set("userId", session.user.id);
  c.set("organizationId", organizationId);
  await next();
});
