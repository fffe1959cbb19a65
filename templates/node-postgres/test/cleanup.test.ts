// db:cleanup removes expired sessions, verifications and invitations, and nothing else.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deleteExpiredRows } from "../src/db/cleanup.ts";
import { db } from "../src/db/index.ts";
import { invitation, organization, session, user, verification } from "../src/db/schema.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const HOUR = 3_600_000;

async function seed(label: string) {
  const now = Date.now();
  const past = new Date(now - HOUR);
  const future = new Date(now + HOUR);
  const userId = randomUUID();
  const orgId = randomUUID();
  await db.insert(user).values({ id: userId, name: label, email: `${label}-${userId}@example.test` });
  await db.insert(organization).values({ id: orgId, name: label, slug: `${label}-${orgId}`, createdAt: new Date() });
  const ids = {
    expired: { session: randomUUID(), verification: randomUUID(), invitation: randomUUID() },
    live: { session: randomUUID(), verification: randomUUID(), invitation: randomUUID() },
  };
  for (const [state, expiresAt] of [
    ["expired", past],
    ["live", future],
  ] as const) {
    const id = ids[state];
    await db.insert(session).values({ id: id.session, token: randomUUID(), userId, expiresAt, updatedAt: new Date() });
    await db.insert(verification).values({ id: id.verification, identifier: `${label}-${state}`, value: "x", expiresAt });
    await db.insert(invitation).values({
      id: id.invitation,
      organizationId: orgId,
      email: `${state}@example.test`,
      inviterId: userId,
      expiresAt,
    });
  }
  return { ids, userId };
}

async function remaining(ids: { session: string; verification: string; invitation: string }[]) {
  const sessions = await db.select({ id: session.id }).from(session).where(inArray(session.id, ids.map((i) => i.session)));
  const verifications = await db
    .select({ id: verification.id })
    .from(verification)
    .where(inArray(verification.id, ids.map((i) => i.verification)));
  const invitations = await db
    .select({ id: invitation.id })
    .from(invitation)
    .where(inArray(invitation.id, ids.map((i) => i.invitation)));
  return {
    sessions: sessions.map((r) => r.id),
    verifications: verifications.map((r) => r.id),
    invitations: invitations.map((r) => r.id),
  };
}

describe("db:cleanup", () => {
  it("deletes only expired rows", async () => {
    const { ids, userId } = await seed("fn");
    const removed = await deleteExpiredRows(db);
    expect(removed).toEqual({ sessions: 1, verifications: 1, invitations: 1 });
    expect(await remaining([ids.expired, ids.live])).toEqual({
      sessions: [ids.live.session],
      verifications: [ids.live.verification],
      invitations: [ids.live.invitation],
    });
    // The user behind the expired session is untouched.
    expect(await db.select({ id: user.id }).from(user).where(eq(user.id, userId))).toHaveLength(1);
    expect(await deleteExpiredRows(db)).toEqual({ sessions: 0, verifications: 0, invitations: 0 });
  });

  it("runs as the npm script and reports what it removed", async () => {
    const { ids } = await seed("script");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db-cleanup.ts"], {
      cwd: projectRoot,
      // The per-file database the setup created: the script works on whatever DATABASE_URL says.
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    expect(stdout).toMatch(/removed 1 expired session\(s\), 1 verification\(s\), 1 invitation\(s\)/);
    expect(await remaining([ids.expired, ids.live])).toEqual({
      sessions: [ids.live.session],
      verifications: [ids.live.verification],
      invitations: [ids.live.invitation],
    });
  });
});
