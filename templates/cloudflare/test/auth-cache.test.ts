// Who is admitted is remembered for AUTH_CACHE_MS in each isolate (src/http/auth-cache.ts). A change through Better
// Auth in this isolate shows at once; a change it cannot see (another isolate, D1 edited directly) within that time.
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createDb } from "../src/db/index.ts";
import { apikey, session } from "../src/db/schema.ts";
import { AUTH_CACHE_MS } from "../src/http/auth-cache.ts";
import { Client, signedUpUser, userInOwnOrganization } from "./client.ts";

const db = createDb(env.DB);

/** How long after `since` GET /api/projects answered `status`; fails once the cache window is well over. */
async function answeredAfter(get: () => Promise<{ status: number }>, status: number, since: number): Promise<number> {
  for (;;) {
    const elapsed = Date.now() - since;
    if ((await get()).status === status) return elapsed;
    if (elapsed > AUTH_CACHE_MS + 1_000) throw new Error(`still admitted ${elapsed} ms later`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The same cookies, sent by a client that keeps none it is given. */
function replay(client: Client) {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  return () => new Client().request("/api/projects", { headers: { cookie } });
}

it("refuses a session revoked where this isolate cannot see it within AUTH_CACHE_MS", async () => {
  const { client, user } = await userInOwnOrganization("revoked");
  expect((await client.get("/api/projects")).status).toBe(200);

  // What a sign-out in another isolate leaves in D1: no session row.
  await db.delete(session).where(eq(session.userId, user.id));
  const since = Date.now();
  expect((await client.get("/api/projects")).status).toBe(200); // still remembered here
  expect(await answeredAfter(() => client.get("/api/projects"), 401, since)).toBeLessThanOrEqual(AUTH_CACHE_MS + 1_000);
}, AUTH_CACHE_MS + 10_000);

it("refuses the same cookie at once after a sign-out through this isolate", async () => {
  const { client } = await userInOwnOrganization("leaving");
  const again = replay(client);
  expect((await again()).status).toBe(200);
  expect((await again()).status).toBe(200);

  expect((await client.post("/api/auth/sign-out", {})).status).toBe(200);
  expect((await again()).status).toBe(401);
});

it("refuses a member removed through this isolate at once", async () => {
  const owner = await userInOwnOrganization("owner");
  const guest = await signedUpUser("guest");
  const invited = await owner.client.post("/api/auth/organization/invite-member", { email: guest.email, role: "member" });
  expect(invited.status).toBe(200);
  // Accepting needs a verified address: set it as the verification link would.
  await env.DB.prepare("update user set email_verified = 1 where id = ?").bind(guest.user.id).run();
  const accepted = await guest.client.post("/api/auth/organization/accept-invitation", { invitationId: invited.body.id });
  expect(accepted.status).toBe(200);
  expect((await guest.client.post("/api/auth/organization/set-active", { organizationId: owner.organization.id })).status).toBe(200);
  expect((await guest.client.get("/api/projects")).status).toBe(200);

  const removed = await owner.client.post("/api/auth/organization/remove-member", { memberIdOrEmail: guest.email });
  expect(removed.status).toBe(200);
  expect((await guest.client.get("/api/projects")).status).toBe(403);
});

it("remembers an API key without a per-key limit, and refuses it at once once deleted through this isolate", async () => {
  const owner = await userInOwnOrganization("keyed");
  const created = await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id });
  await db.update(apikey).set({ rateLimitEnabled: false }).where(eq(apikey.id, created.body.id));
  const keyed = () => new Client().request("/api/projects", { headers: { "x-api-key": created.body.key } });
  expect((await keyed()).status).toBe(200);

  // Deleted behind Better Auth's back (another isolate's view): still admitted, for the cache window at most.
  const [row] = await db.select().from(apikey).where(eq(apikey.id, created.body.id));
  await db.delete(apikey).where(eq(apikey.id, created.body.id));
  expect((await keyed()).status).toBe(200);
  await db.insert(apikey).values(row!);

  expect((await owner.client.post("/api/auth/api-key/delete", { keyId: created.body.id })).status).toBe(200);
  expect((await keyed()).status).toBe(401);
});
