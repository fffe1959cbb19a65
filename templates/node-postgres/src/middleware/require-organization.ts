// Guards the example API: a signed-in member of the active organization, or that organization's API key.
import { createMiddleware } from "hono/factory";
import { auth } from "../auth.ts";
import { db } from "../db/index.ts";
import { apiKeyOrganization } from "../http/api-key.ts";
import { type Answer, remember } from "../http/auth-cache.ts";
import { isMember } from "../services/projects.ts";

export type OrganizationScope = {
  Variables: {
    /** The signed-in user; null for a request made with an API key, which acts for the organization. */
    userId: string | null;
    organizationId: string;
  };
};

type Admission = { userId: string; organizationId: string } | { status: 400 | 403; error: string };

export const requireOrganization = createMiddleware<OrganizationScope>(async (c, next) => {
  const keyed = await apiKeyOrganization(c, auth.api.verifyApiKey);
  if (keyed instanceof Response) return keyed;
  if (keyed !== undefined) {
    c.set("userId", null);
    c.set("organizationId", keyed);
    return next();
  }

  // A cookie admitted in the last few seconds is admitted again without a query (src/http/auth-cache.ts).
  const cookie = c.req.header("cookie");
  const admitted = cookie ? await remember(`session ${cookie}`, () => admit(c.req.raw.headers)) : null;
  if (!admitted) return c.json({ error: "Unauthorized" }, 401);
  if ("error" in admitted) return c.json({ error: admitted.error }, admitted.status);

  c.set("userId", admitted.userId);
  c.set("organizationId", admitted.organizationId);
  await next();
});

/** The session's user in its active organization, which they still belong to; null without a session. */
async function admit(headers: Headers): Promise<Answer<Admission | null>> {
  const result = await auth.api.getSession({ headers });
  if (!result) return { value: null, keep: false };

  const organizationId = result.session.activeOrganizationId;
  if (!organizationId) {
    const error =
      "No active organization: create one with POST /api/auth/organization/create, or activate one " +
      'with POST /api/auth/organization/set-active {"organizationId":"..."}';
    return { value: { status: 400, error }, keep: false };
  }
  // The session remembers the organization even after the user is removed from it: re-check.
  if (!(await isMember(db, organizationId, result.user.id))) {
    return { value: { status: 403, error: "Forbidden: you are no longer a member of the active organization" }, keep: false };
  }
  return { value: { userId: result.user.id, organizationId }, keep: true, until: result.session.expiresAt };
}
