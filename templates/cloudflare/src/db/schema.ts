// Every table and relation in one place: drizzle-kit, the Better Auth adapter and the app all read this.
import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { member, organization, session, user } from "./auth.schema.ts";
import { project, task } from "./tables/index.ts";

export * from "./auth.schema.ts";
export * from "./tables/index.ts";

export type User = InferSelectModel<typeof user>;
export type NewUser = InferInsertModel<typeof user>;
export type Session = InferSelectModel<typeof session>;
export type Organization = InferSelectModel<typeof organization>;
export type Member = InferSelectModel<typeof member>;
export type Project = InferSelectModel<typeof project>;
export type NewProject = InferInsertModel<typeof project>;
export type Task = InferSelectModel<typeof task>;
export type NewTask = InferInsertModel<typeof task>;
