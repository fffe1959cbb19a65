import { and, asc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/index.ts";
import { member, project, task } from "../db/schema.ts";
import { readBody } from "../http/body.ts";
import type { AppContext } from "../http/context.ts";
import { requireActiveOrganization } from "../http/session.ts";

// Strict objects: a client sending `organizationId` or `ownerId` learns they are not accepted.
const newProjectBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
});
const newTaskBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  assigneeId: z.string().min(1).nullish(),
});
const taskPatchBody = z
  .strictObject({ title: z.string().trim().min(1).max(500), done: z.boolean() })
  .partial()
  .refine((patch) => patch.title !== undefined || patch.done !== undefined, "send title and/or done");

/** The project with this id in this organization, or nothing: other tenants' ids look like missing ones. */
async function findProject(db: Database, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(project)
    .where(and(eq(project.id, id), eq(project.organizationId, organizationId)))
    .limit(1);
  return row;
}

async function isMember(db: Database, organizationId: string, userId: string) {
  const [row] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
    .limit(1);
  return row !== undefined;
}

const projectNotFound = { error: "Project not found" };

export const projects = new Hono<AppContext>()
  .use("*", requireActiveOrganization)

  .get("/", async (c) => {
    const rows = await c.var.db
      .select()
      .from(project)
      .where(eq(project.organizationId, c.var.organizationId))
      .orderBy(asc(project.createdAt), asc(project.id));
    return c.json({ projects: rows });
  })

  .post("/", async (c) => {
    const body = await readBody(c, newProjectBody);
    const [created] = await c.var.db
      .insert(project)
      .values({
        name: body.name,
        description: body.description ?? null,
        organizationId: c.var.organizationId,
        ownerId: c.var.userId,
      })
      .returning();
    return c.json({ project: created }, 201);
  })

  .get("/:id", async (c) => {
    const found = await findProject(c.var.db, c.var.organizationId, c.req.param("id"));
    return found ? c.json({ project: found }) : c.json(projectNotFound, 404);
  })

  .get("/:id/tasks", async (c) => {
    const found = await findProject(c.var.db, c.var.organizationId, c.req.param("id"));
    if (!found) return c.json(projectNotFound, 404);
    const rows = await c.var.db
      .select()
      .from(task)
      .where(and(eq(task.projectId, found.id), eq(task.organizationId, c.var.organizationId)))
      .orderBy(asc(task.createdAt), asc(task.id));
    return c.json({ tasks: rows });
  })

  .post("/:id/tasks", async (c) => {
    const found = await findProject(c.var.db, c.var.organizationId, c.req.param("id"));
    if (!found) return c.json(projectNotFound, 404);
    const body = await readBody(c, newTaskBody);
    if (body.assigneeId && !(await isMember(c.var.db, c.var.organizationId, body.assigneeId))) {
      return c.json({ error: "assigneeId must be a member of the active organization" }, 400);
    }
    const [created] = await c.var.db
      .insert(task)
      .values({
        title: body.title,
        assigneeId: body.assigneeId ?? null,
        projectId: found.id,
        organizationId: c.var.organizationId,
      })
      .returning();
    return c.json({ task: created }, 201);
  })

  .patch("/:id/tasks/:taskId", async (c) => {
    const body = await readBody(c, taskPatchBody);
    const [updated] = await c.var.db
      .update(task)
      .set(body)
      .where(
        and(
          eq(task.id, c.req.param("taskId")),
          eq(task.projectId, c.req.param("id")),
          eq(task.organizationId, c.var.organizationId),
        ),
      )
      .returning();
    return updated ? c.json({ task: updated }) : c.json({ error: "Task not found" }, 404);
  });
