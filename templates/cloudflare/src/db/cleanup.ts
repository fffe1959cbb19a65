import { lt } from "drizzle-orm";
import type { Database } from "./client.ts";
import { invitation, session, verification } from "./schema.ts";

export type CleanupResult = { sessions: number; verifications: number; invitations: number };

/**
 * Deletes sessions, verification tokens and invitations whose expires_at has passed. Better Auth
 * ignores expired rows but never removes them. Idempotent, so cron can run it as often as it likes.
 */
export async function deleteExpiredRows(db: Database, now = new Date()): Promise<CleanupResult> {
  // One batch: a single round trip, applied atomically by D1.
  const [sessions, verifications, invitations] = await db.batch([
    db.delete(session).where(lt(session.expiresAt, now)),
    db.delete(verification).where(lt(verification.expiresAt, now)),
    db.delete(invitation).where(lt(invitation.expiresAt, now)),
  ]);
  return {
    sessions: sessions.meta.changes,
    verifications: verifications.meta.changes,
    invitations: invitations.meta.changes,
  };
}
