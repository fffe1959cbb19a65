import { createMiddleware } from "hono/factory";
import type { Auth } from "../auth";
import type { Database } from "../db";
import { isMember } from "../db/tenant";
import { apiKeyOrganization } from "../http/api-key.ts";
import { remember } from "../http/auth-cache.ts";
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

    // A cookie admitted in the last few seconds is admitted again without a query (src/http/auth-cache.ts).
    const cookie = c.req.header("cookie");
    const admitted = cookie ? await remember(`session ${cookie}`, () => admit(auth, db, c.req.raw.headers)) : null;
    if (!admitted) throw httpError(401, "Unauthorized");

    c.set("user", admitted.user);
    c.set("session", admitted.session);
    c.set("organizationId", admitted.organizationId);
    await next();
  });
}

/** The session's user in its active organization, which they still belong to; null without a session. */
async function admit(auth: Auth, db: Database, headers: Headers) {
  const result = await auth.api.getSession({ headers });
  if (!result) return { value: null, keep: false };

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
  return { value: { user: result.user, session: result.session, organizationId }, keep: true, until: result.session.expiresAt };
}
