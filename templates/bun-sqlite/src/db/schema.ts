/**
 * Every table and relation of the app, in one place: drizzle-kit, the drizzle client and Better Auth's adapter
 * all read this module.
 */
import type { member, organization, session, user } from "./auth.schema";
import type { project, task } from "./tables";

export * from "./auth.schema";
export * from "./tables";

export type User = typeof user.$inferSelect;
export type NewUser = typeof user.$inferInsert;
export type Session = typeof session.$inferSelect;
export type Organization = typeof organization.$inferSelect;
export type Member = typeof member.$inferSelect;
export type Project = typeof project.$inferSelect;
export type NewProject = typeof project.$inferInsert;
export type Task = typeof task.$inferSelect;
export type NewTask = typeof task.$inferInsert;
