// Rotating the secret with BETTER_AUTH_SECRETS on a database that holds data: sessions go on, and
// nothing answers 500 (the JWT signing keys, encrypted with the old secret, still open).
import { afterEach, expect, test } from "bun:test";
import { createApp } from "../src/app";
import { createAuth } from "../src/auth";
import { serve } from "../src/server";
import { Client } from "./support/client";
import { tenant } from "./support/flows";
import { freshDatabase, type TestDatabase } from "./support/database";

const OLD = "old-secret-of-more-than-32-characters-0123456789";
const NEW = "new-secret-of-more-than-32-characters-9876543210";

let database: TestDatabase | undefined;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  database?.dispose();
  delete process.env.BETTER_AUTH_SECRET;
  delete process.env.BETTER_AUTH_SECRETS;
});

/** The app on `db` with the secrets in the environment now, as a restart with new settings would. */
function start(db: TestDatabase["db"]): string {
  const server = serve(createApp({ db, auth: createAuth(db) }), { port: 0, hostname: "127.0.0.1" });
  stops.push(() => server.stop(true));
  return `http://127.0.0.1:${server.port}`;
}

test("a rotated secret signs no one out and breaks nothing", async () => {
  database = freshDatabase();
  process.env.BETTER_AUTH_SECRET = OLD;
  const before = start(database.db);
  const owner = await tenant(before, "Rotator");
  expect((await owner.client.get("/api/auth/token")).status).toBe(200); // a signing key, encrypted with OLD
  const key = (await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id })).body.key;

  process.env.BETTER_AUTH_SECRETS = `1:${NEW}`;
  const after = start(database.db);
  // The old cookie, signed with OLD, still signs in: nobody is signed out.
  const old = owner.client.withHeaders({}, after);
  expect((await old.get("/api/projects")).status).toBe(200);
  expect((await old.get("/api/auth/token")).status).toBe(200);
  expect((await old.get("/")).status).toBe(200);

  const again = new Client(after);
  expect((await again.post("/api/auth/sign-in/email", { email: owner.email, password: owner.password })).status).toBe(200);
  expect((await again.get("/api/auth/token")).status).toBe(200);
  expect((await again.post("/api/auth/organization/set-active", { organizationId: owner.organization.id })).status).toBe(200);
  expect((await again.get("/api/projects")).status).toBe(200);
  expect((await new Client(after, undefined, { "x-api-key": key }).get("/api/projects")).status).toBe(200);
});

test("a replaced secret signs everyone out and answers no request with a 500", async () => {
  database = freshDatabase();
  process.env.BETTER_AUTH_SECRET = OLD;
  const before = start(database.db);
  const owner = await tenant(before, "Replacer");
  expect((await owner.client.get("/api/auth/token")).status).toBe(200); // a signing key only OLD opens
  const key = (await owner.client.post("/api/auth/api-key/create", { name: "ci", organizationId: owner.organization.id })).body.key;

  process.env.BETTER_AUTH_SECRET = NEW;
  const after = start(database.db);
  const old = owner.client.withHeaders({}, after);
  expect((await old.get("/api/projects")).status).toBe(401);
  expect((await old.get("/")).status).toBeLessThan(500);
  const again = new Client(after);
  expect((await again.post("/api/auth/sign-in/email", { email: owner.email, password: owner.password })).status).toBe(200);
  const token = await again.get("/api/auth/token");
  expect(token.status).toBe(200);
  // Signed with a new key, which is the one published.
  const kid = JSON.parse(Buffer.from(token.body.token.split(".")[0], "base64url").toString()).kid;
  expect((await again.get("/api/auth/jwks")).body.keys.map((k: { kid: string }) => k.kid)).toEqual([kid]);
  expect((await new Client(after, undefined, { "x-api-key": key }).get("/api/projects")).status).toBe(200);
  expect((await (await tenant(after, "Newcomer")).client.get("/api/projects")).status).toBe(200);
});

test("a short or malformed secret stops the start, naming the variable", () => {
  database = freshDatabase();
  process.env.BETTER_AUTH_SECRET = "short";
  expect(() => createAuth(database!.db)).toThrow("BETTER_AUTH_SECRET is too short: 5 characters, at least 32 needed");
  process.env.BETTER_AUTH_SECRET = OLD;
  process.env.BETTER_AUTH_SECRETS = NEW;
  expect(() => createAuth(database!.db)).toThrow('BETTER_AUTH_SECRETS must be "<version>:<secret>" entries');
  process.env.BETTER_AUTH_SECRETS = `2:${NEW},2:${OLD}`;
  expect(() => createAuth(database!.db)).toThrow("BETTER_AUTH_SECRETS has version 2 twice");
  process.env.BETTER_AUTH_SECRETS = "1:tiny";
  expect(() => createAuth(database!.db)).toThrow("BETTER_AUTH_SECRETS version 1 is too short");
});
