// Guards the example API: a signed-in member of the active organization, or that organization's API key.
import { createMiddleware } from "hono/factory";
import { auth } from "../auth.ts";
import { db } from "../db/index.ts";
import { apiKeyOrganization } from "../http/api-key.ts";
import { isMember } from "../services/projects.ts";

export type OrganizationScope = {
  Variables: {
    /** The signed-in user; null for a request made with an API key, which acts for the organization. */
    userId: string | null;
    organizationId: string;
  };
};

export const requireOrganization = createMiddleware<OrganizationScope>(async (c, next) => {
  const keyed = await apiKeyOrganization(c, auth.api.verifyApiKey);
  if (keyed instanceof Response) return keyed;
  if (keyed !== undefined) {
    c.set("userId", null);
    c.set("organizationId", keyed);
    return next();
  }

  const result = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!result) return c.json({ error: "Unauthorized" }, 401);

  const organizationId = result.session.activeOrganizationId;
  if (!organizationId) {
    return c.json(
      {
        error:
          "No active organization: create one with POST /api/auth/organization/create, or activate one " +
          'with POST /api/auth/organization/set-active {"organizationId":"..."}',
      },
      400,
    );
  }
  // The session remembers the organization even after the user is removed from it: re-check.
  if (!(await isMember(db, organizationId, result.user.id))) {
    return c.json({ error: "Forbidden: you are no longer a member of the active organization" }, 403);
  }

  c.set("userId", result.user.id);
  c.set("organizationId", organizationId);
  await next();
});
