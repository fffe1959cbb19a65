// /api/projects: the example domain's HTTP API, always scoped to the session's active organization.
import { Hono } from "hono";
import { z } from "zod";
import { db } from "../db/index.ts";
import { jsonError, readJson } from "../lib/http.ts";
import { requireOrganization, type OrganizationScope } from "../middleware/require-organization.ts";
import {
  createProject,
  createTask,
  findProject,
  isMember,
  listProjects,
  listTasks,
  updateTask,
} from "../services/projects.ts";

const newProjectBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullish(),
});

const newTaskBody = z.object({
  title: z.string().trim().min(1).max(500),
  assigneeId: z.string().min(1).nullish(),
});

const taskChangesBody = z
  .object({
    title: z.string().trim().min(1).max(500).optional(),
    done: z.boolean().optional(),
  })
  .refine((body) => body.title !== undefined || body.done !== undefined, {
    message: "Send at least one of: title, done",
  });

export const projects = new Hono<OrganizationScope>();

projects.use("*", requireOrganization);

projects.get("/", async (c) => {
  return c.json({ projects: await listProjects(db, c.get("organizationId")) });
});

projects.post("/", async (c) => {
  const body = await readJson(c, newProjectBody);
  if (!body.ok) return body.response;
  const created = await createProject(db, {
    organizationId: c.get("organizationId"),
    ownerId: c.get("userId"),
    name: body.data.name,
    description: body.data.description ?? null,
  });
  return c.json({ project: created }, 201);
});

projects.get("/:id", async (c) => {
  const found = await findProject(db, c.get("organizationId"), c.req.param("id"));
  // Another organization's project answers exactly like a missing one: ids are not an oracle.
  if (!found) return jsonError(c, 404, "Project not found");
  return c.json({ project: found });
});

projects.get("/:id/tasks", async (c) => {
  const organizationId = c.get("organizationId");
  const found = await findProject(db, organizationId, c.req.param("id"));
  if (!found) return jsonError(c, 404, "Project not found");
  return c.json({ tasks: await listTasks(db, organizationId, found.id) });
});

projects.post("/:id/tasks", async (c) => {
  const organizationId = c.get("organizationId");
  const found = await findProject(db, organizationId, c.req.param("id"));
  if (!found) return jsonError(c, 404, "Project not found");
  const body = await readJson(c, newTaskBody);
  if (!body.ok) return body.response;
  const assigneeId = body.data.assigneeId ?? null;
  if (assigneeId && !(await isMember(db, organizationId, assigneeId))) {
    return jsonError(c, 400, "assigneeId must be a member of the active organization");
  }
  const created = await createTask(db, {
    organizationId,
    projectId: found.id,
    title: body.data.title,
    assigneeId,
  });
  return c.json({ task: created }, 201);
});

projects.patch("/:id/tasks/:taskId", async (c) => {
  const body = await readJson(c, taskChangesBody);
  if (!body.ok) return body.response;
  const updated = await updateTask(
    db,
    {
      organizationId: c.get("organizationId"),
      projectId: c.req.param("id"),
      taskId: c.req.param("taskId"),
    },
    body.data,
  );
  if (!updated) return jsonError(c, 404, "Task not found");
  return c.json({ task: updated });
});
