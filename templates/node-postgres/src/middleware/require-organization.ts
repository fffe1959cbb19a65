// Guards the example API: a signed-in user with an active organization they belong to.
import { createMiddleware } from "hono/factory";
import { auth } from "../auth.ts";
import { db } from "../db/index.ts";
import { isMember } from "../services/projects.ts";

export type OrganizationScope = {
  Variables: {
    userId: string;
    organizationId: string;
  };
};

export const requireOrganization = createMiddleware<OrganizationScope>(async (c, next) => {
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
