// What the home page shows of the signed-in person, read directly instead of through three Better Auth
// endpoints, each of which would read the session again. Their rules are kept: an organization is shown as
// active only to one of its members, and invitations to an address only once it is verified.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "./index.ts";
import { invitation, member, organization, user } from "./schema.ts";
import { fixedLimit, textConstant, textParam } from "./text-param.ts";

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
const PENDING = textConstant("pending");

/** The home page's reads on `db`, prepared once: each call runs four statements, no query built or parsed. */
export function prepareAccountOverview(db: Database) {
  const organizationsOf = db
    .select({ id: organization.id, name: organization.name })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, textParam("userId")))
    .orderBy(asc(member.createdAt))
    .prepare();
  const membersOf = db
    .select({ email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, textParam("organizationId")))
    .orderBy(asc(member.createdAt))
    .limit(fixedLimit(MEMBERS_SHOWN))
    .prepare();
  const invitedTo = db
    .select({ email: invitation.email })
    .from(invitation)
    .where(and(eq(invitation.organizationId, textParam("organizationId")), eq(invitation.status, PENDING)))
    .orderBy(asc(invitation.createdAt))
    .prepare();
  const invitationsFor = db
    .select({ id: invitation.id, organizationName: organization.name })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(and(eq(invitation.email, textParam("email")), eq(invitation.status, PENDING)))
    .orderBy(asc(invitation.createdAt))
    .prepare();

  return async (person: Person, activeId: string | null): Promise<AccountOverview> => {
    const organizations = organizationsOf.all({ userId: person.id });
    // The membership check of the active organization: the list above is the person's memberships.
    const current = organizations.find((organization) => organization.id === activeId);
    return {
      organizations,
      active: current
        ? {
            ...current,
            members: membersOf.all({ organizationId: current.id }),
            invited: invitedTo.all({ organizationId: current.id }).map((row) => row.email),
          }
        : null,
      invitations: person.emailVerified ? invitationsFor.all({ email: person.email.toLowerCase() }) : [],
    };
  };
}
