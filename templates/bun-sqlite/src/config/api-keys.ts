import { API_KEY_TABLE_NAME, type ApiKeyConfigurationOptions } from "@better-auth/api-key";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { OrganizationOptions } from "better-auth/plugins/organization";

/**
 * The api-key plugin's options. They set the apikey table's column defaults, so after a change here
 * run `npm run auth:generate` and `npm run db:generate`.
 */
export const API_KEY_OPTIONS = {
  // A key belongs to the organization it was made for (only its owner may make one) and acts for it on
  // /api/projects, sent as the x-api-key header. It outlives its maker's membership; revoke it on /api-keys.
  references: "organization",
  // Per key, counted in its row: the plugin's default (10 a day) is too few for an API client.
  rateLimit: { enabled: true, timeWindow: 60_000, maxRequests: 600 },
} satisfies ApiKeyConfigurationOptions;

/**
 * Organization hooks: an organization's keys go with it. They point at it by id only (Better Auth's
 * apikey table has no foreign key), so without this a deleted organization's keys would still verify.
 */
export const organizationKeyHooks: NonNullable<OrganizationOptions["organizationHooks"]> = {
  afterDeleteOrganization: async ({ organization }, ctx) => {
    await ctx?.context.adapter.deleteMany({ model: API_KEY_TABLE_NAME, where: [{ field: "referenceId", value: organization.id }] });
  },
};

/**
 * A `hooks.before` of Better Auth: its api-key routes take the organization as a parameter; here it
 * defaults to the session's active one, so a key made or listed without naming an organization is the
 * active organization's. Naming one is still checked by Better Auth (member, owner).
 */
export const activeOrganizationByDefault = createAuthMiddleware(async (ctx) => {
  const creating = ctx.path === "/api-key/create" && !ctx.body?.organizationId;
  const listing = ctx.path === "/api-key/list" && !ctx.query?.organizationId;
  if (!creating && !listing) return;
  const session = await getSessionFromCtx(ctx);
  const organizationId = (session?.session as { activeOrganizationId?: string | null } | undefined)?.activeOrganizationId;
  if (!organizationId) return;
  return { context: creating ? { body: { ...ctx.body, organizationId } } : { query: { ...ctx.query, organizationId } } };
});
