// Who is admitted is remembered for AUTH_CACHE_MS (src/http/auth-cache.ts). A change through Better Auth on this
// instance shows at once; a change it cannot see (another instance, the database edited directly) within that time.
import { afterEach, beforeEach, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { AUTH_CACHE_MS } from "../src/http/auth-cache";
import { apikey, session } from "../src/db/schema";
import { Client } from "./support/client";
import { signUp, tenant } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

/** How long after `since` the status of GET /api/projects became `status`; fails after the cache window. */
async function refusedAfter(client: Client, status: number, since: number): Promise<number> {
  for (;;) {
    const elapsed = Date.now() - since;
    if ((await client.get("/api/projects")).status === status) return elapsed;
    if (elapsed > AUTH_CACHE_MS + 1_000) throw new Error(`still admitted ${elapsed} ms later`);
    await Bun.sleep(200);
  }
}

test("a session revoked where this instance cannot see it is refused within AUTH_CACHE_MS", async () => {
  const { client, user } = await tenant(server.url, "Revoked");
  expect((await client.get("/api/projects")).status).toBe(200);

  // What a sign-out on another instance leaves in the shared database: no session row.
  server.db.delete(session).where(eq(session.userId, user.id)).run();
  const since = Date.now();
  expect((await client.get("/api/projects")).status).toBe(200); // still remembered here
  expect(await refusedAfter(client, 401, since)).toBeLessThanOrEqual(AUTH_CACHE_MS + 1_000);
}, AUTH_CACHE_MS + 5_000);

test("a sign-out through this instance refuses the same cookie at once", async () => {
  const { client } = await tenant(server.url, "Leaving");
  expect((await client.get("/api/projects")).status).toBe(200);
  const replay = client.withHeaders({}); // the same cookie, kept after the sign-out clears the tab's
  expect((await replay.get("/api/projects")).status).toBe(200);

  expect((await client.post("/api/auth/sign-out", {})).status).toBe(200);
  expect((await replay.get("/api/projects")).status).toBe(401);
});

test("a member removed through this instance is refused at once", async () => {
  const owner = await tenant(server.url, "Owner");
  const guest = await signUp(server.url, "Guest");
  const invited = await owner.client.post("/api/auth/organization/invite-member", { email: guest.email, role: "member" });
  expect(invited.status).toBe(200);
  // Accepting needs a verified address: set it as the verification link would.
  server.db.$client.run("update user set email_verified = 1 where id = ?", [guest.user.id]);
  expect((await guest.client.post("/api/auth/organization/accept-invitation", { invitationId: invited.body.id })).status).toBe(200);
  expect((await guest.client.post("/api/auth/organization/set-active", { organizationId: owner.organization.id })).status).toBe(200);
  expect((await guest.client.get("/api/projects")).status).toBe(200);

  const removed = await owner.client.post("/api/auth/organization/remove-member", { memberIdOrEmail: guest.email });
  expect(removed.status).toBe(200);
  expect((await guest.client.get("/api/projects")).status).toBe(403);
});

test("an API key without a per-key limit is remembered; deleted, it is refused at once here", async () => {
  const owner = await tenant(server.url, "Keyed");
  const created = await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id });
  server.db.update(apikey).set({ rateLimitEnabled: false }).where(eq(apikey.id, created.body.id)).run();
  const keyed = new Client(server.url, undefined, { "x-api-key": created.body.key });
  expect((await keyed.get("/api/projects")).status).toBe(200);

  // Deleted behind Better Auth's back (another instance's view): still admitted, for the cache window at most.
  const row = server.db.select().from(apikey).where(eq(apikey.id, created.body.id)).get()!;
  server.db.delete(apikey).where(eq(apikey.id, row.id)).run();
  expect((await keyed.get("/api/projects")).status).toBe(200);
  server.db.insert(apikey).values(row).run();

  // Deleted through this instance: refused at once.
  expect((await owner.client.post("/api/auth/api-key/delete", { keyId: created.body.id })).status).toBe(200);
  expect((await keyed.get("/api/projects")).status).toBe(401);
});
