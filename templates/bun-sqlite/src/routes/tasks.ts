import { and, asc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db";
import { task } from "../db/schema";
import { isMember } from "../db/tenant";
import { readBody } from "../http/body";
import { httpError } from "../http/errors";
import type { TenantEnv } from "../http/types";
import { projectOr404 } from "./lookups";

const createTaskBody = z.object({
  title: z.string().trim().min(1).max(500),
  assigneeId: z.string().min(1).nullish(),
});

const updateTaskBody = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    done: z.boolean().optional(),
  })
  .refine((body) => body.title !== undefined || body.done !== undefined, {
    message: "Send at least one of title, done",
  });

/** /api/projects/:id/tasks. Every lookup repeats the organization filter, whatever ids the client sends. */
export function taskRoutes(db: Database) {
  return new Hono<TenantEnv>()
    .get("/", (c) => {
      const { id: projectId } = projectOr404(db, c.var.organizationId, c.req.param("id")!);
      const tasks = db
        .select()
        .from(task)
        .where(and(eq(task.projectId, projectId), eq(task.organizationId, c.var.organizationId)))
        // rowid breaks ties between rows created in the same millisecond: insertion order.
        .orderBy(asc(task.createdAt), sql`rowid`)
        .all();
      return c.json({ tasks });
    })
    .post("/", async (c) => {
      const { id: projectId } = projectOr404(db, c.var.organizationId, c.req.param("id")!);
      const body = await readBody(c, createTaskBody);
      if (body.assigneeId && !isMember(db, c.var.organizationId, body.assigneeId)) {
        throw httpError(400, "assigneeId must be a member of the active organization");
      }
      const created = db
        .insert(task)
        .values({
          projectId,
          organizationId: c.var.organizationId,
          assigneeId: body.assigneeId ?? null,
          title: body.title,
        })
        .returning()
        .get();
      return c.json({ task: created }, 201);
    })
    .patch("/:taskId", async (c) => {
      const { id: projectId } = projectOr404(db, c.var.organizationId, c.req.param("id")!);
      const body = await readBody(c, updateTaskBody);
      const updated = db
        .update(task)
        .set({ title: body.title, done: body.done })
        .where(
          and(
            eq(task.id, c.req.param("taskId")),
            eq(task.projectId, projectId),
            eq(task.organizationId, c.var.organizationId),
          ),
        )
        .returning()
        .get();
      if (!updated) throw httpError(404, "Task not found");
      return c.json({ task: updated });
    });
}
