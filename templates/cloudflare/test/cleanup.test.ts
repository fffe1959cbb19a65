import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deleteExpiredRows } from "../src/db/cleanup.ts";
import { createDb } from "../src/db/index.ts";
import { invitation, organization, session, user, verification } from "../src/db/schema.ts";
import worker from "../src/index.ts";

const db = createDb(env.DB);
const HOUR = 60 * 60 * 1000;

/** One expired and one live row in each table the cleanup covers. */
async function seed() {
  const now = Date.now();
  const past = new Date(now - HOUR);
  const future = new Date(now + HOUR);
  const id = () => crypto.randomUUID();
  const [owner] = await db.insert(user).values({ id: id(), name: "Owner", email: `${id()}@example.com` }).returning();
  const [org] = await db
    .insert(organization)
    .values({ id: id(), name: "Org", slug: id(), createdAt: new Date() })
    .returning();
  if (!owner || !org) throw new Error("seed failed");

  const rows = {
    session: { expired: id(), live: id() },
    verification: { expired: id(), live: id() },
    invitation: { expired: id(), live: id() },
  };
  for (const [key, expiresAt] of [["expired", past], ["live", future]] as const) {
    await db.insert(session).values({
      id: rows.session[key],
      token: id(),
      userId: owner.id,
      expiresAt,
      updatedAt: new Date(),
    });
    await db.insert(verification).values({ id: rows.verification[key], identifier: id(), value: "v", expiresAt });
    await db.insert(invitation).values({
      id: rows.invitation[key],
      organizationId: org.id,
      email: `${id()}@example.com`,
      inviterId: owner.id,
      expiresAt,
    });
  }
  return rows;
}

async function remainingIds() {
  const ids = async (table: typeof session | typeof verification | typeof invitation) =>
    (await db.select({ id: table.id }).from(table)).map((row) => row.id).sort();
  return { session: await ids(session), verification: await ids(verification), invitation: await ids(invitation) };
}

describe("expired-rows cleanup", () => {
  it("the cron trigger deletes expired sessions, verifications and invitations, and nothing else", async () => {
    const rows = await seed();

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);

    expect(await remainingIds()).toEqual({
      session: [rows.session.live],
      verification: [rows.verification.live],
      invitation: [rows.invitation.live],
    });
  });

  it("reports what it removed, and is a no-op when run again", async () => {
    await seed();
    expect(await deleteExpiredRows(db)).toEqual({ sessions: 1, verifications: 1, invitations: 1 });
    expect(await deleteExpiredRows(db)).toEqual({ sessions: 0, verifications: 0, invitations: 0 });
  });
});
