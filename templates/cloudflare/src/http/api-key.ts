// The example API's second way in: an organization's API key, sent as the x-api-key header.
import type { Context } from "hono";
import { remember } from "./auth-cache.ts";

export const API_KEY_HEADER = "x-api-key";

/** What Better Auth's verifyApiKey answers, as far as the API reads it. */
type Verdict = {
  valid: boolean;
  error: { code?: string; details?: { tryAgainIn?: number } } | null;
  key: { referenceId: string; rateLimitEnabled?: boolean; remaining?: number | null; expiresAt?: Date | null } | null;
};

export type KeyAccess = { organizationId: string } | { status: 401 | 429; error: string; retryAfter?: number };

/** The organization a verified key acts for, or the refusal to send. */
export function keyAccess(verdict: Verdict): KeyAccess {
  if (verdict.valid && verdict.key) return { organizationId: verdict.key.referenceId };
  if (verdict.error?.code === "RATE_LIMITED") {
    const retryAfter = Math.max(1, Math.ceil((verdict.error.details?.tryAgainIn ?? 1_000) / 1_000));
    return { status: 429, error: `Too many requests with this API key: try again in ${retryAfter} s.`, retryAfter };
  }
  // Unknown, revoked, disabled or expired: one answer, so a guess learns nothing.
  return { status: 401, error: "Invalid API key" };
}

/**
 * For a request that sends x-api-key: the organization the key acts for, or the response refusing it
 * (401, or 429 with Retry-After). Undefined for a request without the header: it is judged by its session.
 */
export async function apiKeyOrganization(
  c: Context,
  verifyApiKey: (input: { body: { key: string } }) => Promise<Verdict>,
): Promise<string | Response | undefined> {
  const key = c.req.header(API_KEY_HEADER);
  if (key === undefined) return undefined;
  const access = await remember(`api-key ${key}`, async () => {
    const verdict = await verifyApiKey({ body: { key } });
    const value = keyAccess(verdict);
    // A key with a per-key limit or a number of uses is counted on every request, in the database every
    // instance shares. A refusal is never kept.
    const counted = verdict.key?.rateLimitEnabled !== false || verdict.key.remaining != null;
    return { value, keep: "organizationId" in value && !counted, until: verdict.key?.expiresAt };
  });
  if ("organizationId" in access) return access.organizationId;
  if (access.retryAfter) c.header("Retry-After", String(access.retryAfter));
  return c.json({ error: access.error }, access.status);
}
