import { afterEach, beforeEach, expect, test } from "bun:test";
import { deleteExpired } from "../src/db/cleanup";
import { invitation, organization, session, user, verification } from "../src/db/schema";
import { freshDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
beforeEach(() => {
  database = freshDatabase();
});
afterEach(() => database.dispose());

const HOUR = 60 * 60 * 1000;

/** One expired and one live row in each table db:cleanup looks at. */
function seed({ db }: TestDatabase) {
  const past = new Date(Date.now() - HOUR);
  const future = new Date(Date.now() + HOUR);
  const now = new Date();
  db.insert(user).values({ id: "u1", name: "U", email: "u@example.com" }).run();
  db.insert(organization).values({ id: "o1", name: "O", slug: "o", createdAt: now }).run();
  db.insert(session)
    .values([
      { id: "s-old", token: "t-old", userId: "u1", expiresAt: past, updatedAt: now },
      { id: "s-live", token: "t-live", userId: "u1", expiresAt: future, updatedAt: now },
    ])
    .run();
  db.insert(verification)
    .values([
      { id: "v-old", identifier: "reset", value: "x", expiresAt: past },
      { id: "v-live", identifier: "reset", value: "y", expiresAt: future },
    ])
    .run();
  db.insert(invitation)
    .values([
      { id: "i-old", organizationId: "o1", email: "a@example.com", inviterId: "u1", expiresAt: past },
      { id: "i-live", organizationId: "o1", email: "b@example.com", inviterId: "u1", expiresAt: future },
    ])
    .run();
}

function ids(rows: { id: string }[]) {
  return rows.map((row) => row.id).sort();
}

test("deleteExpired removes only rows whose expiry is past", () => {
  seed(database);
  expect(deleteExpired(database.db)).toEqual({ sessions: 1, verifications: 1, invitations: 1 });
  expect(ids(database.db.select().from(session).all())).toEqual(["s-live"]);
  expect(ids(database.db.select().from(verification).all())).toEqual(["v-live"]);
  expect(ids(database.db.select().from(invitation).all())).toEqual(["i-live"]);
  expect(database.db.select().from(user).all()).toHaveLength(1);

  // Running again (as cron would) finds nothing more.
  expect(deleteExpired(database.db)).toEqual({ sessions: 0, verifications: 0, invitations: 0 });
});

test("the db:cleanup script cleans the database named by DB_FILE and says what it removed", async () => {
  seed(database);
  const run = Bun.spawn(["bun", "scripts/db-cleanup.ts"], {
    cwd: `${import.meta.dir}/..`,
    env: { ...process.env, DB_FILE: database.file },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(run.stdout).text(),
    new Response(run.stderr).text(),
    run.exited,
  ]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  expect(stdout).toContain("Removed 1 expired session(s), 1 verification(s) and 1 invitation(s)");
  expect(ids(database.db.select().from(session).all())).toEqual(["s-live"]);
  expect(ids(database.db.select().from(invitation).all())).toEqual(["i-live"]);
});
