import { beforeAll, describe, expect, it } from "vitest";
import { Client, createActiveOrganization, signUp } from "./helpers/client.ts";
import { useServer } from "./helpers/server.ts";

const server = useServer();

describe("/api/projects guards", () => {
  it("answers 401 without a session", async () => {
    const anonymous = new Client(server);
    expect(await anonymous.get("/api/projects")).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    expect((await anonymous.post("/api/projects", { name: "x" })).status).toBe(401);
    expect((await anonymous.get("/api/projects/some-id/tasks")).status).toBe(401);
  });

  it("answers 400 with instructions when no organization is active", async () => {
    const client = new Client(server);
    await signUp(client, "no-org");
    const reply = await client.get("/api/projects");
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/^No active organization: /);
    expect(reply.body.error).toContain("POST /api/auth/organization/set-active");
  });
});

describe("projects and tasks in the active organization", () => {
  const client = new Client(server);
  let userId = "";
  let organizationId = "";

  beforeAll(async () => {
    ({ userId } = await signUp(client, "erin"));
    organizationId = await createActiveOrganization(client, "Erin Inc");
  });

  it("activates the organization in the session", async () => {
    const session = await client.get("/api/auth/get-session");
    expect(session.body.session.activeOrganizationId).toBe(organizationId);
  });

  it("creates, lists and reads projects", async () => {
    expect(await client.get("/api/projects")).toMatchObject({ status: 200, body: { projects: [] } });

    const created = await client.post("/api/projects", { name: "  Launch  ", description: "Ship it" });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      name: "Launch",
      description: "Ship it",
      organizationId,
      ownerId: userId,
    });
    expect(created.body.project.id).toMatch(/^[0-9a-f-]{36}$/);

    const second = await client.post("/api/projects", { name: "No description" });
    expect(second.status).toBe(201);
    expect(second.body.project.description).toBeNull();

    const list = await client.get("/api/projects");
    expect(list.status).toBe(200);
    expect(list.body.projects.map((p: { id: string }) => p.id).sort()).toEqual(
      [created.body.project.id, second.body.project.id].sort(),
    );

    const one = await client.get(`/api/projects/${created.body.project.id}`);
    expect(one).toMatchObject({ status: 200, body: { project: { id: created.body.project.id, name: "Launch" } } });
    expect((await client.get("/api/projects/does-not-exist")).status).toBe(404);
  });

  it("rejects invalid project bodies with 400", async () => {
    expect((await client.post("/api/projects", {})).status).toBe(400);
    expect((await client.post("/api/projects", { name: "   " })).status).toBe(400);
    expect((await client.post("/api/projects", { name: 42 })).status).toBe(400);
    const malformed = await client.post("/api/projects", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/Invalid body/);
  });

  it("creates, lists and updates tasks", async () => {
    const projectId = (await client.post("/api/projects", { name: "With tasks" })).body.project.id;

    const created = await client.post(`/api/projects/${projectId}/tasks`, { title: "Write docs", assigneeId: userId });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ title: "Write docs", done: false, projectId, organizationId, assigneeId: userId });

    const unassigned = await client.post(`/api/projects/${projectId}/tasks`, { title: "Later" });
    expect(unassigned.status).toBe(201);
    expect(unassigned.body.task.assigneeId).toBeNull();

    const list = await client.get(`/api/projects/${projectId}/tasks`);
    expect(list.status).toBe(200);
    expect(list.body.tasks.map((t: { title: string }) => t.title)).toEqual(["Write docs", "Later"]);

    const done = await client.patch(`/api/projects/${projectId}/tasks/${created.body.task.id}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ id: created.body.task.id, done: true, title: "Write docs" });

    const renamed = await client.patch(`/api/projects/${projectId}/tasks/${created.body.task.id}`, { title: "Write more docs" });
    expect(renamed.body.task).toMatchObject({ done: true, title: "Write more docs" });

    expect((await client.patch(`/api/projects/${projectId}/tasks/${created.body.task.id}`, {})).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/${created.body.task.id}`, { done: "yes" })).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/nope`, { done: true })).status).toBe(404);
    expect((await client.post(`/api/projects/${projectId}/tasks`, { title: "" })).status).toBe(400);
    expect((await client.get("/api/projects/nope/tasks")).status).toBe(404);
  });

  it("only assigns tasks to members of the organization", async () => {
    const outsider = new Client(server);
    const { userId: outsiderId } = await signUp(outsider, "outsider");
    const projectId = (await client.post("/api/projects", { name: "Members only" })).body.project.id;

    const reply = await client.post(`/api/projects/${projectId}/tasks`, { title: "Nope", assigneeId: outsiderId });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/member/);
    expect((await client.get(`/api/projects/${projectId}/tasks`)).body.tasks).toEqual([]);
  });
});
