import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organization, user } from "../auth.schema";

// Times are ISO-8601 text, a date format of SQLite's own: it sorts in time order and goes into the API's JSON
// as it is, with no Date made and formatted per row. The database writes the default, for raw inserts too.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const isoNow = () => new Date().toISOString();

/** Example domain: projects and their tasks. Every row belongs to an organization (the tenant). */
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
    createdAt: text("created_at").default(now).notNull(),
    updatedAt: text("updated_at")
      .default(now)
      .$onUpdate(isoNow)
      .notNull(),
  },
  (table) => [
    // In the list's order: an organization's projects come out of the index by time, with no sort step.
    index("project_organizationId_createdAt_idx").on(table.organizationId, table.createdAt),
    index("project_ownerId_idx").on(table.ownerId),
  ],
);

export const task = sqliteTable(
  "task",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    projectId: text("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    // Denormalised from the project so every tenant-scoped query filters on one indexed column.
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    // A task outlives its assignee leaving: it becomes unassigned.
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    done: integer("done", { mode: "boolean" }).default(false).notNull(),
    createdAt: text("created_at").default(now).notNull(),
    updatedAt: text("updated_at")
      .default(now)
      .$onUpdate(isoNow)
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

// The other direction lives here, not in auth.schema.ts: that file is generated and must stay untouched.
// Drizzle merges several `relations()` of one table.
export const organizationProjectRelations = relations(organization, ({ many }) => ({
  projects: many(project),
  tasks: many(task),
}));

export const userProjectRelations = relations(user, ({ many }) => ({
  ownedProjects: many(project),
  assignedTasks: many(task),
}));
