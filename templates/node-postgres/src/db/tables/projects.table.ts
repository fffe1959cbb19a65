// Example domain: projects and their tasks. Every row carries organization_id, and every query in
// src/services/projects.ts filters on it: that column is what keeps tenants apart.
import { relations } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organization, user } from "../auth.schema.ts";

// Same conventions as the Better Auth tables: text ids, snake_case columns, timestamps without
// time zone holding UTC (the pool pins the session time zone to UTC).
const timestamps = {
  createdAt: timestamp("created_at").defaultNow().notNull(),
  updatedAt: timestamp("updated_at")
    .defaultNow()
    .$onUpdate(() => new Date())
    .notNull(),
};

export const project = pgTable(
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
    ...timestamps,
  },
  (table) => [
    index("project_organizationId_idx").on(table.organizationId),
    index("project_ownerId_idx").on(table.ownerId),
  ],
);

export const task = pgTable(
  "task",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    projectId: text("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    // Denormalised from the project so a tenant filter never needs a join.
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    // A task outlives its assignee leaving: it just becomes unassigned.
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    done: boolean("done").default(false).notNull(),
    ...timestamps,
  },
  (table) => [
    index("task_projectId_idx").on(table.projectId),
    index("task_organizationId_idx").on(table.organizationId),
    index("task_assigneeId_idx").on(table.assigneeId),
  ],
);

export const projectRelations = relations(project, ({ one, many }) => ({
  organization: one(organization, {
    fields: [project.organizationId],
    references: [organization.id],
  }),
  owner: one(user, { fields: [project.ownerId], references: [user.id] }),
  tasks: many(task),
}));

export const taskRelations = relations(task, ({ one }) => ({
  project: one(project, { fields: [task.projectId], references: [project.id] }),
  organization: one(organization, {
    fields: [task.organizationId],
    references: [organization.id],
  }),
  assignee: one(user, { fields: [task.assigneeId], references: [user.id] }),
}));

// The other direction. auth.schema.ts is generated and kept as-is, so these live here; drizzle
// merges several relations() declared for the same table.
export const userProjectRelations = relations(user, ({ many }) => ({
  ownedProjects: many(project),
  assignedTasks: many(task),
}));

export const organizationProjectRelations = relations(organization, ({ many }) => ({
  projects: many(project),
  tasks: many(task),
}));
