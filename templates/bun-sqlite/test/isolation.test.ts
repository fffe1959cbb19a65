import { afterEach, beforeEach, expect, test } from "bun:test";
import { tenant } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

/** Two users, each in an organization of their own, with one project and one task each. */
async function twoTenants() {
  const alice = await tenant(server.url, "Alice");
  const bob = await tenant(server.url, "Bob");
  const aliceProject = (await alice.client.post("/api/projects", { name: "Alice's plan" })).body.project;
  const aliceTask = (await alice.client.post(`/api/projects/${aliceProject.id}/tasks`, { title: "Alice's task" })).body
    .task;
  const bobProject = (await bob.client.post("/api/projects", { name: "Bob's plan" })).body.project;
  return { alice, bob, aliceProject, aliceTask, bobProject };
}

test("a user lists only their organization's projects", async () => {
  const { alice, bob, aliceProject, bobProject } = await twoTenants();
  const aliceList = await alice.client.get("/api/projects");
  const bobList = await bob.client.get("/api/projects");
  expect(aliceList.body.projects.map((p: { id: string }) => p.id)).toEqual([aliceProject.id]);
  expect(bobList.body.projects.map((p: { id: string }) => p.id)).toEqual([bobProject.id]);
});

test("another organization's project id is a 404, for the project and its tasks", async () => {
  const { bob, aliceProject } = await twoTenants();
  expect(await bob.client.get(`/api/projects/${aliceProject.id}`)).toMatchObject({
    status: 404,
    body: { error: "Project not found" },
  });
  expect((await bob.client.get(`/api/projects/${aliceProject.id}/tasks`)).status).toBe(404);
  expect((await bob.client.post(`/api/projects/${aliceProject.id}/tasks`, { title: "Intrude" })).status).toBe(404);
});

test("another organization's task cannot be changed, whatever project id is sent", async () => {
  const { alice, bob, aliceProject, aliceTask, bobProject } = await twoTenants();
  const viaOwnProject = await bob.client.patch(`/api/projects/${bobProject.id}/tasks/${aliceTask.id}`, { done: true });
  expect(viaOwnProject.status).toBe(404);
  const viaTheirProject = await bob.client.patch(`/api/projects/${aliceProject.id}/tasks/${aliceTask.id}`, {
    done: true,
  });
  expect(viaTheirProject.status).toBe(404);

  const aliceTasks = await alice.client.get(`/api/projects/${aliceProject.id}/tasks`);
  expect(aliceTasks.body.tasks).toMatchObject([{ id: aliceTask.id, done: false }]);
});

test("organization and owner come from the session, not from the body", async () => {
  const { alice, bob } = await twoTenants();
  const sneaky = await bob.client.post("/api/projects", {
    name: "Planted",
    organizationId: alice.organization.id,
    ownerId: alice.user.id,
  });
  expect(sneaky.status).toBe(201);
  expect(sneaky.body.project).toMatchObject({ organizationId: bob.organization.id, ownerId: bob.user.id });
  const aliceList = await alice.client.get("/api/projects");
  expect(aliceList.body.projects.map((p: { name: string }) => p.name)).not.toContain("Planted");
});

test("a user cannot make another organization their active one", async () => {
  const { alice, bob } = await twoTenants();
  const response = await bob.client.post("/api/auth/organization/set-active", { organizationId: alice.organization.id });
  expect(response.status).toBe(403);
  // Better Auth answers a foreign organization by clearing the active one, so nothing of Alice's is reachable.
  const session = await bob.client.get("/api/auth/get-session");
  expect(session.body.session.activeOrganizationId).not.toBe(alice.organization.id);
  expect((await bob.client.get("/api/projects")).status).toBe(400);
});
