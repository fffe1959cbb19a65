import { lt } from "drizzle-orm";
import type { Database } from "./client";
import { invitation, session, verification } from "./schema";

export type CleanupResult = { sessions: number; verifications: number; invitations: number };

/**
 * Deletes rows Better Auth no longer honours: sessions, verification tokens and invitations whose expiry is past.
 * Better Auth ignores them already; this only keeps the tables small. One transaction, so a crash changes nothing.
 */
export function deleteExpired(db: Database, now: Date = new Date()): CleanupResult {
  return db.transaction((tx) => ({
    sessions: tx.delete(session).where(lt(session.expiresAt, now)).returning({ id: session.id }).all().length,
    verifications: tx
      .delete(verification)
      .where(lt(verification.expiresAt, now))
      .returning({ id: verification.id })
      .all().length,
    invitations: tx
      .delete(invitation)
      .where(lt(invitation.expiresAt, now))
      .returning({ id: invitation.id })
      .all().length,
  }));
}
