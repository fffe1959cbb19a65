import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organization, user } from "../auth.schema.ts";

// Same default as the generated auth tables, so raw inserts (wrangler d1 execute) get a timestamp too.
const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/** A project belongs to one organization (the tenant). */
export const project = sqliteTable(
  "project",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    // Who made it: null when an API key did (a key acts for the organization, not a person) and once
    // that user is deleted; the project stays with its organization.
    ownerId: text("owner_id").references(() => user.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .default(nowMs)
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (table) => [
    index("project_organizationId_idx").on(table.organizationId),
    index("project_ownerId_idx").on(table.ownerId),
  ],
);

/**
 * A task carries its organization id as well as its project's, so every query can be scoped
 * by tenant without a join; the API keeps the two consistent.
 */
export const task = sqliteTable(
  "task",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    projectId: text("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    // A task outlives its assignee leaving: it just becomes unassigned.
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    done: integer("done", { mode: "boolean" }).default(false).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .default(nowMs)
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (table) => [
    index("task_projectId_idx").on(table.projectId),
    index("task_organizationId_idx").on(table.organizationId),
    index("task_assigneeId_idx").on(table.assigneeId),
  ],
);

export const projectRelations = relations(project, ({ one, many }) => ({
  organization: one(organization, { fields: [project.organizationId], references: [organization.id] }),
  owner: one(user, { fields: [project.ownerId], references: [user.id] }),
  tasks: many(task),
}));

export const taskRelations = relations(task, ({ one }) => ({
  project: one(project, { fields: [task.projectId], references: [project.id] }),
  organization: one(organization, { fields: [task.organizationId], references: [organization.id] }),
  assignee: one(user, { fields: [task.assigneeId], references: [user.id] }),
}));

// The reverse sides live here, not in the generated auth.schema.ts (which `auth:generate` overwrites);
// drizzle merges several relations() of one table by name.
export const userProjectRelations = relations(user, ({ many }) => ({
  projects: many(project),
  assignedTasks: many(task),
}));

export const organizationProjectRelations = relations(organization, ({ many }) => ({
  projects: many(project),
  tasks: many(task),
}));
