import { createMiddleware } from "hono/factory";
import type { Auth } from "../auth";
import type { Database } from "../db";
import { isMember } from "../db/tenant";
import { apiKeyOrganization } from "../http/api-key.ts";
import { httpError } from "../http/errors";
import type { TenantEnv } from "../http/types";

/**
 * Requires a signed-in user with an active organization they belong to, or that organization's API key. The
 * organization always comes from the session or the key, never from the request, which is what keeps tenants apart.
 */
export function requireTenant(auth: Auth, db: Database) {
  return createMiddleware<TenantEnv>(async (c, next) => {
    const keyed = await apiKeyOrganization(c, auth.api.verifyApiKey);
    if (keyed instanceof Response) return keyed;
    if (keyed !== undefined) {
      c.set("user", null);
      c.set("session", null);
      c.set("organizationId", keyed);
      return next();
    }

    const result = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!result) throw httpError(401, "Unauthorized");

    const organizationId = result.session.activeOrganizationId;
    if (!organizationId) {
      throw httpError(
        400,
        "No active organization: create one with POST /api/auth/organization/create, " +
          'then select it with POST /api/auth/organization/set-active {"organizationId": "..."}',
      );
    }

    // The session may outlive the membership (the user was removed, or the organization deleted).
    if (!isMember(db, organizationId, result.user.id)) {
      throw httpError(403, "You are not a member of the active organization");
    }

    c.set("user", result.user);
    c.set("session", result.session);
    c.set("organizationId", organizationId);
    await next();
  });
}
