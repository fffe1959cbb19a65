// Data access for the example domain. Every function takes the caller's organization id and puts it
// in the WHERE clause itself, so no id sent by a client can reach another tenant's rows.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/index.ts";
import { member, project, task } from "../db/schema.ts";
import type { Project, Task } from "../db/schema.ts";
import { UNNAMED } from "../db/unnamed.ts";

// The most frequent query (GET /api/projects), built once per database instead of on every call.
const projectLists = new WeakMap<Database, ReturnType<typeof prepareProjectList>>();

function prepareProjectList(db: Database) {
  return db
    .select()
    .from(project)
    .where(eq(project.organizationId, sql.placeholder("organizationId")))
    .orderBy(desc(project.createdAt), asc(project.id))
    .prepare(UNNAMED);
}

export async function listProjects(db: Database, organizationId: string): Promise<Project[]> {
  let list = projectLists.get(db);
  if (!list) projectLists.set(db, (list = prepareProjectList(db)));
  return list.execute({ organizationId });
}

export async function createProject(
  db: Database,
  input: { organizationId: string; ownerId: string | null; name: string; description?: string | null },
): Promise<Project> {
  const [created] = await db
    .insert(project)
    .values({
      organizationId: input.organizationId,
      ownerId: input.ownerId,
      name: input.name,
      description: input.description ?? null,
    })
    .returning();
  if (!created) throw new Error("INSERT ... RETURNING gave no row");
  return created;
}

export async function findProject(
  db: Database,
  organizationId: string,
  projectId: string,
): Promise<Project | undefined> {
  const [found] = await db
    .select()
    .from(project)
    .where(and(eq(project.id, projectId), eq(project.organizationId, organizationId)))
    .limit(1);
  return found;
}

export async function listTasks(
  db: Database,
  organizationId: string,
  projectId: string,
): Promise<Task[]> {
  return db
    .select()
    .from(task)
    .where(and(eq(task.projectId, projectId), eq(task.organizationId, organizationId)))
    .orderBy(asc(task.createdAt), asc(task.id));
}

export async function createTask(
  db: Database,
  input: { organizationId: string; projectId: string; title: string; assigneeId?: string | null },
): Promise<Task> {
  const [created] = await db
    .insert(task)
    .values({
      organizationId: input.organizationId,
      projectId: input.projectId,
      title: input.title,
      assigneeId: input.assigneeId ?? null,
    })
    .returning();
  if (!created) throw new Error("INSERT ... RETURNING gave no row");
  return created;
}

export async function updateTask(
  db: Database,
  scope: { organizationId: string; projectId: string; taskId: string },
  changes: { title?: string | undefined; done?: boolean | undefined },
): Promise<Task | undefined> {
  const [updated] = await db
    .update(task)
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.done !== undefined && { done: changes.done }),
      // Set explicitly: an empty change set still needs a SET clause, and it marks the touch.
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(task.id, scope.taskId),
        eq(task.projectId, scope.projectId),
        eq(task.organizationId, scope.organizationId),
      ),
    )
    .returning();
  return updated;
}

export async function isMember(
  db: Database,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const [found] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
    .limit(1);
  return found !== undefined;
}
