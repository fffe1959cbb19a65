import { and, eq } from "drizzle-orm";
import type { Database } from "./client";
import { member, project } from "./schema";

// Lookups that always take the organization: callers cannot forget the tenant filter.

export function findProject(db: Database, organizationId: string, id: string) {
  return db
    .select()
    .from(project)
    .where(and(eq(project.id, id), eq(project.organizationId, organizationId)))
    .get();
}

export function isMember(db: Database, organizationId: string, userId: string): boolean {
  const row = db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
    .get();
  return row !== undefined;
}
