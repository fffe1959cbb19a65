// Who is admitted is remembered for AUTH_CACHE_MS (src/http/auth-cache.ts). A change through Better Auth on this
// instance shows at once; a change it cannot see (another instance, the database edited directly) within that time.
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { db, pool } from "../src/db/index.ts";
import { apikey, session } from "../src/db/schema.ts";
import { AUTH_CACHE_MS } from "../src/http/auth-cache.ts";
import { Client, createActiveOrganization, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

async function tenant(label: string) {
  const client = new Client(server);
  const { userId, email } = await signUp(client, label);
  const organizationId = await createActiveOrganization(client, `${label} Org`);
  return { client, userId, email, organizationId };
}

/** How long after `since` GET /api/projects answered `status`; fails once the cache window is well over. */
async function answeredAfter(get: () => Promise<{ status: number }>, status: number, since: number): Promise<number> {
  for (;;) {
    const elapsed = Date.now() - since;
    if ((await get()).status === status) return elapsed;
    if (elapsed > AUTH_CACHE_MS + 1_000) throw new Error(`still admitted ${elapsed} ms later`);
    await sleep(200);
  }
}

it("refuses a session revoked where this instance cannot see it within AUTH_CACHE_MS", async () => {
  const { client, userId } = await tenant("revoked");
  expect((await client.get("/api/projects")).status).toBe(200);

  // What a sign-out on another instance leaves in the shared database: no session row.
  await db.delete(session).where(eq(session.userId, userId));
  const since = Date.now();
  expect((await client.get("/api/projects")).status).toBe(200); // still remembered here
  expect(await answeredAfter(() => client.get("/api/projects"), 401, since)).toBeLessThanOrEqual(AUTH_CACHE_MS + 1_000);
}, AUTH_CACHE_MS + 10_000);

it("refuses the same cookie at once after a sign-out through this instance", async () => {
  const { client } = await tenant("leaving");
  const cookie = client.cookieHeader();
  expect((await client.get("/api/projects")).status).toBe(200);
  const replay = () => new Client(server).get("/api/projects", { cookie });
  expect((await replay()).status).toBe(200);

  expect((await client.post("/api/auth/sign-out", {})).status).toBe(200);
  expect((await replay()).status).toBe(401);
});

it("refuses a member removed through this instance at once", async () => {
  const owner = await tenant("owner");
  const guest = new Client(server);
  const { userId, email } = await signUp(guest, "guest");
  const invited = await owner.client.post("/api/auth/organization/invite-member", { email, role: "member" });
  expect(invited.status).toBe(200);
  // Accepting needs a verified address: set it as the verification link would.
  await pool.query(`update "user" set email_verified = true where id = $1`, [userId]);
  expect((await guest.post("/api/auth/organization/accept-invitation", { invitationId: invited.body.id })).status).toBe(200);
  expect((await guest.post("/api/auth/organization/set-active", { organizationId: owner.organizationId })).status).toBe(200);
  expect((await guest.get("/api/projects")).status).toBe(200);

  expect((await owner.client.post("/api/auth/organization/remove-member", { memberIdOrEmail: email })).status).toBe(200);
  expect((await guest.get("/api/projects")).status).toBe(403);
});

it("remembers an API key without a per-key limit, and refuses it at once once deleted through this instance", async () => {
  const owner = await tenant("keyed");
  const created = await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organizationId });
  await db.update(apikey).set({ rateLimitEnabled: false }).where(eq(apikey.id, created.body.id));
  const keyed = () => new Client(server).get("/api/projects", { "x-api-key": created.body.key });
  expect((await keyed()).status).toBe(200);

  // Deleted behind Better Auth's back (another instance's view): still admitted, for the cache window at most.
  const [row] = await db.select().from(apikey).where(eq(apikey.id, created.body.id));
  await db.delete(apikey).where(eq(apikey.id, created.body.id));
  expect((await keyed()).status).toBe(200);
  await db.insert(apikey).values(row!);

  expect((await owner.client.post("/api/auth/api-key/delete", { keyId: created.body.id })).status).toBe(200);
  expect((await keyed()).status).toBe(401);
});
