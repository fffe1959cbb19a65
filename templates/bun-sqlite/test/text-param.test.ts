import { afterEach, beforeEach, expect, test } from "bun:test";
import { asc, eq } from "drizzle-orm";
import { invitation, organization, user } from "../src/db/schema";
import { fixedLimit, textConstant, textParam } from "../src/db/text-param";
import { freshDatabase, type TestDatabase } from "./support/database";

// What they are for (a statement SQLite plans once) shows in the bench; what they must not change is tested here.

let t: TestDatabase;
beforeEach(() => {
  t = freshDatabase();
  t.db.insert(organization).values({ id: "org-1", name: "Acme", slug: "acme", createdAt: new Date() }).run();
  t.db.insert(user).values({ id: "user-1", name: "Ada", email: "ada@example.com" }).run();
  const invite = (id: string, status: string) => ({ id, organizationId: "org-1", email: `${id}@example.com`, status, expiresAt: new Date(), inviterId: "user-1" });
  t.db.insert(invitation).values([invite("a", "pending"), invite("b", "it's odd"), invite("c", "pending"), invite("d", "accepted")]).run();
});
afterEach(() => t.dispose());

test("fixedLimit writes the limit into the statement and limits as .limit(n) does", () => {
  const query = t.db.select({ id: invitation.id }).from(invitation).orderBy(asc(invitation.id)).limit(fixedLimit(2));
  expect(query.toSQL()).toMatchObject({ sql: expect.stringMatching(/ limit 2$/), params: [] });
  expect(query.prepare().all()).toEqual([{ id: "a" }, { id: "b" }]);
});

test("textConstant writes a quoted text into the statement, quotes inside included", () => {
  const pending = t.db.select({ id: invitation.id }).from(invitation).where(eq(invitation.status, textConstant("pending")));
  expect(pending.toSQL().params).toEqual([]);
  expect(pending.all().map((row) => row.id).sort()).toEqual(["a", "c"]);
  expect(t.db.select({ id: invitation.id }).from(invitation).where(eq(invitation.status, textConstant("it's odd"))).all()).toEqual([{ id: "b" }]);
});

test("textParam binds a text and compares it as a bare parameter would", () => {
  const byEmail = t.db.select({ id: invitation.id }).from(invitation).where(eq(invitation.email, textParam("email"))).prepare();
  expect(byEmail.all({ email: "c@example.com" })).toEqual([{ id: "c" }]);
  expect(byEmail.all({ email: "nobody@example.com" })).toEqual([]);
});
