// The hot reads (the home page's, the project list) are built once and sent as unnamed statements, so a pooler in
// transaction mode serves them.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { prepareAccountOverview } from "../src/db/account-overview.ts";
import { createDb } from "../src/db/index.ts";
import { member, organization, project, user } from "../src/db/schema.ts";
import { env } from "../src/env.ts";
import { listProjects } from "../src/services/projects.ts";

// One connection, so the statements it has prepared can be listed after the reads.
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
const db = createDb(pool);
afterAll(() => pool.end());

const preparedOnServer = async () => (await pool.query<{ name: string }>("select name from pg_prepared_statements")).rows.map((row) => row.name);

it("reads the home page and the project list without leaving a named statement on the connection", async () => {
  const person = { id: randomUUID(), email: `${randomUUID()}@example.test`, emailVerified: true };
  const organizationId = randomUUID();
  await db.insert(user).values({ id: person.id, name: "Ada", email: person.email });
  await db.insert(organization).values({ id: organizationId, name: "Acme", slug: `acme-${organizationId}`, createdAt: new Date() });
  await db.insert(member).values({ id: randomUUID(), organizationId, userId: person.id, role: "owner", createdAt: new Date() });

  const overview = prepareAccountOverview(db);
  for (let call = 0; call < 3; call++) {
    expect(await overview(person, organizationId)).toEqual({
      organizations: [{ id: organizationId, name: "Acme" }],
      active: { id: organizationId, name: "Acme", members: [{ email: person.email, role: "owner" }], invited: [] },
      invitations: [],
    });
  }
  await db.insert(project).values([1, 2].map((n) => ({ organizationId, ownerId: person.id, name: `P${n}`, createdAt: new Date(Date.now() + n) })));
  for (let call = 0; call < 3; call++) {
    expect((await listProjects(db, organizationId)).map((row) => row.name)).toEqual(["P2", "P1"]);
  }
  expect(await preparedOnServer()).toEqual([]);

  // What the check would see of a named one.
  await db.select().from(user).where(eq(user.id, person.id)).prepare("named").execute();
  expect(await preparedOnServer()).toEqual(["named"]);
});
