// Two users in two organizations: whatever ids one sends, the other's rows stay invisible.
import { beforeAll, describe, expect, it } from "vitest";
import { Client, createActiveOrganization, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

describe("tenant isolation", () => {
  const alice = new Client(server);
  const bob = new Client(server);
  let aliceProject = "";
  let aliceTask = "";
  let aliceOrg = "";
  let bobOrg = "";
  let bobId = "";

  beforeAll(async () => {
    await signUp(alice, "alice");
    aliceOrg = await createActiveOrganization(alice, "Alice Co");
    ({ userId: bobId } = await signUp(bob, "bob"));
    bobOrg = await createActiveOrganization(bob, "Bob Co");

    aliceProject = (await alice.post("/api/projects", { name: "Alice secret" })).body.project.id;
    aliceTask = (await alice.post(`/api/projects/${aliceProject}/tasks`, { title: "Alice task" })).body.task.id;
    await bob.post("/api/projects", { name: "Bob project" });
  });

  it("lists only the active organization's projects", async () => {
    const bobList = await bob.get("/api/projects");
    expect(bobList.body.projects.map((p: { name: string }) => p.name)).toEqual(["Bob project"]);
    const aliceList = await alice.get("/api/projects");
    expect(aliceList.body.projects.map((p: { name: string }) => p.name)).toEqual(["Alice secret"]);
  });

  it("answers 404 for another organization's project and tasks", async () => {
    expect((await bob.get(`/api/projects/${aliceProject}`)).status).toBe(404);
    expect((await bob.get(`/api/projects/${aliceProject}/tasks`)).status).toBe(404);
    expect((await bob.post(`/api/projects/${aliceProject}/tasks`, { title: "injected" })).status).toBe(404);
    expect((await bob.patch(`/api/projects/${aliceProject}/tasks/${aliceTask}`, { done: true })).status).toBe(404);

    const tasks = await alice.get(`/api/projects/${aliceProject}/tasks`);
    expect(tasks.body.tasks).toEqual([expect.objectContaining({ id: aliceTask, title: "Alice task", done: false })]);
  });

  it("does not let a task be moved into another organization's project through its own", async () => {
    const bobProject = (await bob.get("/api/projects")).body.projects[0].id;
    // Alice's task id under Bob's project: the task filter includes the project and organization.
    expect((await bob.patch(`/api/projects/${bobProject}/tasks/${aliceTask}`, { done: true })).status).toBe(404);
  });

  it("cannot activate an organization the user is not a member of", async () => {
    const reply = await alice.post("/api/auth/organization/set-active", { organizationId: bobOrg });
    expect(reply.status).toBe(403);
    // Better Auth also clears the active organization on such an attempt.
    expect((await alice.get("/api/projects")).status).toBe(400);
    expect((await alice.get("/api/auth/get-session")).body.session.activeOrganizationId).toBeNull();

    expect((await alice.post("/api/auth/organization/set-active", { organizationId: aliceOrg })).status).toBe(200);
    const after = await alice.get("/api/projects");
    expect(after.status).toBe(200);
    expect(after.body.projects.map((p: { name: string }) => p.name)).toEqual(["Alice secret"]);
  });

  it("refuses assigning a task to a user of another organization", async () => {
    expect((await alice.get("/api/projects")).status).toBe(200); // still in Alice Co
    const reply = await alice.post(`/api/projects/${aliceProject}/tasks`, { title: "x", assigneeId: bobId });
    expect(reply.status).toBe(400);
  });
});
