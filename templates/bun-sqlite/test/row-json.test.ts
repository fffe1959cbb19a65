import { afterEach, beforeEach, expect, test } from "bun:test";
import { asc, eq } from "drizzle-orm";
import { jsonArray, rowJson } from "../src/db/row-json";
import { organization, project, task, user } from "../src/db/schema";
import { freshDatabase, type TestDatabase } from "./support/database";

let t: TestDatabase;
beforeEach(() => {
  t = freshDatabase();
  t.db.insert(organization).values({ id: "org-1", name: "Acme", slug: "acme", createdAt: new Date() }).run();
  t.db.insert(user).values({ id: "user-1", name: "Ada", email: "ada@example.com" }).run();
});
afterEach(() => t.dispose());

test("a row's JSON from SQLite is what JSON.stringify writes of the row Drizzle reads", () => {
  const descriptions = [null, "", 'quotes " and \\ backslashes', "line\nbreak\ttab\u0001control", "ünïcødé 🚀 </script>"];
  for (const [i, description] of descriptions.entries()) {
    t.db.insert(project).values({ organizationId: "org-1", ownerId: i % 2 ? "user-1" : null, name: `P${i}`, description }).run();
  }
  const byDrizzle = t.db.select().from(project).orderBy(asc(project.name)).all();
  const bySqlite = t.db.select({ json: rowJson(project) }).from(project).orderBy(asc(project.name)).all();

  expect(jsonArray(bySqlite)).toBe(JSON.stringify(byDrizzle));
  expect(JSON.parse(jsonArray(bySqlite))[0]).toContainKeys(["organizationId", "ownerId", "createdAt"]);
});

test("booleans are written as true and false, not 1 and 0", () => {
  const [first] = t.db.insert(project).values({ organizationId: "org-1", name: "P" }).returning().all();
  t.db.insert(task).values([
    { projectId: first!.id, organizationId: "org-1", title: "open" },
    { projectId: first!.id, organizationId: "org-1", title: "done", done: true },
  ]).run();
  const rows = t.db.select({ json: rowJson(task) }).from(task).where(eq(task.organizationId, "org-1")).orderBy(asc(task.title)).all();

  expect(JSON.parse(jsonArray(rows)).map((row: { done: unknown }) => row.done)).toEqual([true, false]);
  expect(jsonArray(rows)).toBe(JSON.stringify(t.db.select().from(task).orderBy(asc(task.title)).all()));
});

test("no rows is an empty array", () => {
  expect(jsonArray(t.db.select({ json: rowJson(project) }).from(project).all())).toBe("[]");
});

test("a column SQLite would write differently is refused when the statement is built", () => {
  // user.createdAt is a timestamp: SQLite would send the stored milliseconds, Drizzle a date.
  expect(() => rowJson(user)).toThrow('rowJson: column "createdAt" is a date');
});
