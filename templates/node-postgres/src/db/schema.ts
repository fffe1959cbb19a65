// The whole schema in one object: drizzle-kit reads this file, and both drizzle (relational
// queries) and Better Auth's adapter get it.
import type { apikey, invitation, member, organization, session, user } from "./auth.schema.ts";
import type { project, task } from "./tables/index.ts";

export * from "./auth.schema.ts";
export * from "./tables/index.ts";

export type User = typeof user.$inferSelect;
export type NewUser = typeof user.$inferInsert;
export type Session = typeof session.$inferSelect;
export type Organization = typeof organization.$inferSelect;
export type Member = typeof member.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
export type ApiKey = typeof apikey.$inferSelect;
export type Project = typeof project.$inferSelect;
export type NewProject = typeof project.$inferInsert;
export type Task = typeof task.$inferSelect;
export type NewTask = typeof task.$inferInsert;
