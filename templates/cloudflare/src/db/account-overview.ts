// What the home page shows of the signed-in person, read directly instead of through three Better Auth
// endpoints, each of which would read the session again. Their rules are kept: an organization is shown as
// active only to one of its members, and invitations to an address only once it is verified.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "./index.ts";
import { invitation, member, organization, user } from "./schema.ts";

export type AccountOverview = {
  /** The organizations the person belongs to, in the order they joined. */
  organizations: { id: string; name: string }[];
  /** The session's active organization, while the person is still one of its members. */
  active: { id: string; name: string; members: { email: string; role: string }[]; invited: string[] } | null;
  /** Pending invitations to the person's address: none while it is unverified, since nothing proves it is theirs. */
  invitations: { id: string; organizationName: string }[];
};

export type Person = { id: string; email: string; emailVerified: boolean };

// As many as Better Auth's getFullOrganization lists by default.
const MEMBERS_SHOWN = 100;

/** The home page's reads, the four at once. Not prepared statements: they would be per D1 binding, which is per request. */
export async function readAccountOverview(db: Database, person: Person, activeId: string | null): Promise<AccountOverview> {
  const none = Promise.resolve([]);
  const [organizations, members, invited, invitations] = await Promise.all([
    db
      .select({ id: organization.id, name: organization.name })
      .from(member)
      .innerJoin(organization, eq(organization.id, member.organizationId))
      .where(eq(member.userId, person.id))
      .orderBy(asc(member.createdAt)),
    activeId
      ? db
          .select({ email: user.email, role: member.role })
          .from(member)
          .innerJoin(user, eq(user.id, member.userId))
          .where(eq(member.organizationId, activeId))
          .orderBy(asc(member.createdAt))
          .limit(MEMBERS_SHOWN)
      : none,
    activeId
      ? db
          .select({ email: invitation.email })
          .from(invitation)
          .where(and(eq(invitation.organizationId, activeId), eq(invitation.status, "pending")))
          .orderBy(asc(invitation.createdAt))
      : none,
    person.emailVerified
      ? db
          .select({ id: invitation.id, organizationName: organization.name })
          .from(invitation)
          .innerJoin(organization, eq(organization.id, invitation.organizationId))
          .where(and(eq(invitation.email, person.email.toLowerCase()), eq(invitation.status, "pending")))
          .orderBy(asc(invitation.createdAt))
      : none,
  ]);
  // The active organization's people were read alongside; they are shown only if the person is one of its members.
  const current = organizations.find((organization) => organization.id === activeId);
  return {
    organizations,
    active: current ? { ...current, members, invited: invited.map((row) => row.email) } : null,
    invitations,
  };
}
