import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { organization, project, task } from "../src/db/schema";
import { AUTH_CACHE_MS } from "../src/http/auth-cache";
import { Client } from "./support/client";
import { createActiveOrganization, signUp, tenant } from "./support/flows";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
beforeEach(() => {
  server = startServer();
});
afterEach(() => server.stop());

describe("access", () => {
  test("401 without a session", async () => {
    const client = new Client(server.url);
    expect(await client.get("/api/projects")).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    expect((await client.post("/api/projects", { name: "x" })).status).toBe(401);
    expect((await client.get("/api/projects/some-id/tasks")).status).toBe(401);
  });

  test("400 without an active organization, saying how to set one", async () => {
    const { client } = await signUp(server.url);
    const response = await client.get("/api/projects");
    expect(response.status).toBe(400);
    expect(response.body.error).toStartWith("No active organization:");
    expect(response.body.error).toContain("POST /api/auth/organization/set-active");
  });

  test("organization create + set-active opens the API", async () => {
    const { client } = await signUp(server.url);
    const org = await createActiveOrganization(client, "Acme");
    const session = await client.get("/api/auth/get-session");
    expect(session.body.session.activeOrganizationId).toBe(org.id);
    expect(await client.get("/api/projects")).toMatchObject({ status: 200, body: { projects: [] } });
  });
});

describe("projects", () => {
  test("create and list", async () => {
    const { client, user, organization: org } = await tenant(server.url, "Owner");
    const created = await client.post("/api/projects", { name: "  Website  ", description: "Relaunch" });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      name: "Website",
      description: "Relaunch",
      organizationId: org.id,
      ownerId: user.id,
    });
    expect(created.body.project.id).toMatch(/^[0-9a-f-]{36}$/);

    const second = await client.post("/api/projects", { name: "Mobile app" });
    expect(second.body.project.description).toBeNull();

    const list = await client.get("/api/projects");
    expect(list.status).toBe(200);
    expect(list.body.projects.map((p: { name: string }) => p.name).sort()).toEqual(["Mobile app", "Website"]);

    const one = await client.get(`/api/projects/${created.body.project.id}`);
    expect(one).toMatchObject({ status: 200, body: { project: { id: created.body.project.id } } });
  });

  test("the list writes each project as its own read does, timestamps as ISO strings", async () => {
    const { client } = await tenant(server.url, "Dates");
    const created = await client.post("/api/projects", { name: "Dated", description: null });
    const one = await client.get(`/api/projects/${created.body.project.id}`);
    const list = await client.get("/api/projects");
    expect(list.body.projects).toEqual([one.body.project]);
    expect(one.body.project.createdAt).toBe(new Date(one.body.project.createdAt).toISOString());
  });

  test("invalid bodies are 400s", async () => {
    const { client } = await tenant(server.url, "Picky");
    const missing = await client.post("/api/projects", { description: "no name" });
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0].path).toBe("name");
    expect((await client.post("/api/projects", { name: "   " })).status).toBe(400);
    expect((await client.post("/api/projects", { name: 42 })).status).toBe(400);
    const notJson = await client.request("POST", "/api/projects", "{not json");
    expect(notJson).toMatchObject({ status: 400, body: { error: "Request body must be JSON" } });
    expect(server.db.select().from(project).all()).toHaveLength(0);
  });

  test("an unknown id is a 404", async () => {
    const { client } = await tenant(server.url, "Seeker");
    expect((await client.get(`/api/projects/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe("tasks", () => {
  test("create, list and update", async () => {
    const { client, user } = await tenant(server.url, "Worker");
    const { body } = await client.post("/api/projects", { name: "Launch" });
    const projectId = body.project.id;

    const created = await client.post(`/api/projects/${projectId}/tasks`, { title: "Write docs", assigneeId: user.id });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ title: "Write docs", done: false, assigneeId: user.id, projectId });

    const unassigned = await client.post(`/api/projects/${projectId}/tasks`, { title: "Ship" });
    expect(unassigned.body.task.assigneeId).toBeNull();

    const list = await client.get(`/api/projects/${projectId}/tasks`);
    expect(list.body.tasks.map((t: { title: string }) => t.title)).toEqual(["Write docs", "Ship"]);

    const taskId = created.body.task.id;
    const done = await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ id: taskId, done: true, title: "Write docs" });
    const renamed = await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { title: "Write better docs" });
    expect(renamed.body.task).toMatchObject({ done: true, title: "Write better docs" });
    expect(new Date(renamed.body.task.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(created.body.task.updatedAt).getTime(),
    );

    expect((await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, {})).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { done: "yes" })).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/${crypto.randomUUID()}`, { done: true })).status).toBe(
      404,
    );
  });

  test("the assignee must be a member of the organization", async () => {
    const { client } = await tenant(server.url, "Lead");
    const outsider = await signUp(server.url, "Outsider");
    const { body } = await client.post("/api/projects", { name: "Secret" });

    const response = await client.post(`/api/projects/${body.project.id}/tasks`, {
      title: "Hand over",
      assigneeId: outsider.user.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toContain("member");
    expect(server.db.select().from(task).all()).toHaveLength(0);
  });

  test("deleting an organization deletes its projects and tasks (foreign keys are on)", async () => {
    const { client, organization: org } = await tenant(server.url, "Leaver");
    const { body } = await client.post("/api/projects", { name: "Doomed" });
    await client.post(`/api/projects/${body.project.id}/tasks`, { title: "Soon gone" });

    server.db.delete(organization).where(eq(organization.id, org.id)).run();
    expect(server.db.select().from(project).all()).toHaveLength(0);
    expect(server.db.select().from(task).all()).toHaveLength(0);
    // The session still names the deleted organization: the API refuses it instead of serving nothing, once
    // this instance's memory of the admission (AUTH_CACHE_MS) lets go: the row went behind Better Auth's back.
    const deadline = Date.now() + AUTH_CACHE_MS + 1_000;
    while ((await client.get("/api/projects")).status !== 403 && Date.now() < deadline) await Bun.sleep(200);
    expect((await client.get("/api/projects")).status).toBe(403);
  }, AUTH_CACHE_MS + 5_000);
});
