// Expired rows Better Auth leaves behind: sessions, verification tokens (email, password reset) and
// invitations are only checked for expiry when used, never deleted. Safe to run at any time.
import { lt } from "drizzle-orm";
import type { Database } from "./index.ts";
import { invitation, session, verification } from "./schema.ts";

export type CleanupResult = { sessions: number; verifications: number; invitations: number };

export async function deleteExpiredRows(db: Database, now: Date = new Date()): Promise<CleanupResult> {
  return db.transaction(async (tx) => {
    const sessions = await tx.delete(session).where(lt(session.expiresAt, now)).returning({ id: session.id });
    const verifications = await tx
      .delete(verification)
      .where(lt(verification.expiresAt, now))
      .returning({ id: verification.id });
    const invitations = await tx
      .delete(invitation)
      .where(lt(invitation.expiresAt, now))
      .returning({ id: invitation.id });
    return {
      sessions: sessions.length,
      verifications: verifications.length,
      invitations: invitations.length,
    };
  });
}
