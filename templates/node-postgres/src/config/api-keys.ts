import { API_KEY_TABLE_NAME, type ApiKeyConfigurationOptions } from "@better-auth/api-key";
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
