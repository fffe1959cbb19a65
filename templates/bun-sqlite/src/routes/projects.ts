import { desc, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db";
import { jsonArray, rowJson } from "../db/row-json.ts";
import { project } from "../db/schema";
import { textParam } from "../db/text-param.ts";
import { readBody } from "../http/body";
import type { TenantEnv } from "../http/types";
import { projectOr404 } from "./lookups";
import { taskRoutes } from "./tasks";

const createProjectBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
});

/** /api/projects: the active organization's projects. Mounted behind requireTenant. */
export function projectRoutes(db: Database) {
  // The most frequent query, built and compiled once (a prepared statement) rather than per request, each row
  // read as its JSON (src/db/row-json.ts).
  const listProjects = db
    .select({ json: rowJson(project) })
    .from(project)
    .where(eq(project.organizationId, textParam("organizationId")))
    // Newest first; rowid breaks ties between rows created in the same millisecond. Both come from the
    // (organization_id, created_at) index read backwards: no sort.
    .orderBy(desc(project.createdAt), sql`rowid desc`)
    .prepare();

  return new Hono<TenantEnv>()
    .get("/", (c) => {
      const projects = jsonArray(listProjects.all({ organizationId: c.var.organizationId }));
      return c.body(`{"projects":${projects}}`, 200, { "content-type": "application/json" });
    })
    .post("/", async (c) => {
      const body = await readBody(c, createProjectBody);
      const created = db
        .insert(project)
        .values({
          organizationId: c.var.organizationId,
          ownerId: c.var.user?.id ?? null,
          name: body.name,
          description: body.description ?? null,
        })
        .returning()
        .get();
      return c.json({ project: created }, 201);
    })
    .get("/:id", (c) => c.json({ project: projectOr404(db, c.var.organizationId, c.req.param("id")) }))
    .route("/:id/tasks", taskRoutes(db));
}
