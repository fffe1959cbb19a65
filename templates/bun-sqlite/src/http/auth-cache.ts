// Who is asking, remembered for a few seconds: a session cookie admitted to its active organization,
// an API key without a per-key limit. The next requests of the same client then skip Better Auth's
// session read and the membership check, which cost more than the request's own work.
import type { MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";

/**
 * The longest another instance (or Workers isolate) still admits a session that was signed out or
 * revoked, a member who was removed, or an API key that was deleted. This instance forgets at once.
 */
export const AUTH_CACHE_MS = 5_000;

const cache = new LRUCache<string, object>({
  ttl: AUTH_CACHE_MS,
  // Bounded by count and by the size of the keys (whole Cookie headers), so padded cookies cannot fill memory.
  max: 10_000,
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (_value, key) => key.length,
  // Read the clock on every lookup. lru-cache otherwise reuses one reading until a timer clears it, and
  // Workers cancel a request's timers when it ends: entries would never expire there.
  ttlResolution: 0,
});
// Bumped by every forget: a lookup that started before a change never stores what it read.
let generation = 0;

/** An answer, and whether it may be given again without asking (until a time at most: an expiry). */
export type Answer<T> = { value: T; keep: boolean; until?: Date | null | undefined };

/** What `load` answers for `key`, taken from the cache while a kept answer is fresh. */
export async function remember<T>(key: string, load: () => Promise<Answer<T>>): Promise<T> {
  // Only answers that are objects are kept, so undefined means none (or a stale one).
  const kept = cache.get(key);
  if (kept !== undefined) return kept as T;
  const started = generation;
  const answer = await load();
  const ttl = Math.min(AUTH_CACHE_MS, answer.until ? answer.until.getTime() - Date.now() : AUTH_CACHE_MS);
  if (answer.keep && ttl > 0 && started === generation) cache.set(key, answer.value as object, { ttl });
  return answer.value;
}

// Better Auth's routes that only read. Any other (sign-in, sign-out, set-active, remove-member, verify-email,
// api-key/delete, a route a plugin adds ...) may change who is admitted where.
const READS = /^\/api\/auth\/(get-session|token|jwks|ok|list-sessions|organization\/(list|get-full-organization|list-[a-z-]+)|api-key\/(list|get))$/;

/** On Better Auth's routes: anything but a read makes this instance forget everything it remembered. */
export const forgetOnAuthChanges: MiddlewareHandler = async (c, next) => {
  const reads = (c.req.method === "GET" || c.req.method === "HEAD") && READS.test(c.req.path);
  if (!reads) forget();
  await next();
  if (!reads) forget();
};

function forget(): void {
  generation += 1;
  cache.clear();
}
