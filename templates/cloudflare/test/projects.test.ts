import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/index.ts";
import { member, project, task } from "../src/db/schema.ts";
import { Client, signedUpUser, userInOwnOrganization } from "./client.ts";

const db = createDb(env.DB);

describe("/api/projects access", () => {
  it("is 401 without a session", async () => {
    const client = new Client();
    for (const reply of [
      await client.get("/api/projects"),
      await client.post("/api/projects", { name: "x" }),
      await client.get(`/api/projects/${crypto.randomUUID()}`),
      await client.get(`/api/projects/${crypto.randomUUID()}/tasks`),
    ]) {
      expect(reply).toMatchObject({ status: 401, body: { error: "Unauthorized" } });
    }
  });

  it("is 400 without an active organization, saying how to set one", async () => {
    const { client } = await signedUpUser("no-org");
    const reply = await client.get("/api/projects");
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/^No active organization: .*POST \/api\/auth\/organization\/set-active/);
  });

  it("is 403 once the user is no longer a member of the active organization", async () => {
    const { client, user, organization } = await userInOwnOrganization("removed");
    await db.delete(member).where(and(eq(member.userId, user.id), eq(member.organizationId, organization.id)));
    expect((await client.get("/api/projects")).status).toBe(403);
  });
});

describe("projects and tasks", () => {
  it("creates, lists and reads projects of the active organization", async () => {
    const { client, user, organization } = await userInOwnOrganization("owner");
    expect(await client.get("/api/projects")).toMatchObject({ status: 200, body: { projects: [] } });

    const created = await client.post("/api/projects", { name: "  Launch  ", description: "Ship it" });
    expect(created.status).toBe(201);
    expect(created.body.project).toMatchObject({
      name: "Launch",
      description: "Ship it",
      organizationId: organization.id,
      ownerId: user.id,
    });
    expect(created.body.project.id).toMatch(/^[0-9a-f-]{36}$/);

    const second = await client.post("/api/projects", { name: "No description" });
    expect(second.body.project.description).toBeNull();

    const list = await client.get("/api/projects");
    expect(list.body.projects.map((p: { id: string }) => p.id)).toEqual([created.body.project.id, second.body.project.id]);

    const one = await client.get(`/api/projects/${created.body.project.id}`);
    expect(one).toMatchObject({ status: 200, body: { project: { id: created.body.project.id, name: "Launch" } } });
    expect((await client.get(`/api/projects/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("rejects invalid project bodies with 400", async () => {
    const { client, organization } = await userInOwnOrganization("invalid");
    for (const body of [{}, { name: "" }, { name: 42 }, { name: "x", organizationId: organization.id }, "not json"]) {
      const reply = await client.request("/api/projects", { method: "POST", body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error).toEqual(expect.any(String));
    }
    const form = await client.request("/api/projects", {
      method: "POST",
      body: "name=Sneaky",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(400);
    expect((await client.get("/api/projects")).body.projects).toEqual([]);
  });

  it("creates, lists and updates tasks", async () => {
    const { client, user } = await userInOwnOrganization("tasks");
    const { body } = await client.post("/api/projects", { name: "With tasks" });
    const projectId = body.project.id as string;

    const created = await client.post(`/api/projects/${projectId}/tasks`, { title: "Write tests", assigneeId: user.id });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ title: "Write tests", done: false, assigneeId: user.id, projectId });
    const unassigned = await client.post(`/api/projects/${projectId}/tasks`, { title: "Later" });
    expect(unassigned.body.task.assigneeId).toBeNull();

    const list = await client.get(`/api/projects/${projectId}/tasks`);
    expect(list.body.tasks.map((t: { title: string }) => t.title)).toEqual(["Write tests", "Later"]);

    const taskId = created.body.task.id as string;
    const done = await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { done: true });
    expect(done).toMatchObject({ status: 200, body: { task: { id: taskId, done: true, title: "Write tests" } } });
    const renamed = await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { title: "Write more tests" });
    expect(renamed.body.task).toMatchObject({ title: "Write more tests", done: true });

    expect((await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, {})).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/${taskId}`, { done: "yes" })).status).toBe(400);
    expect((await client.patch(`/api/projects/${projectId}/tasks/${crypto.randomUUID()}`, { done: true })).status).toBe(404);
    expect((await client.post(`/api/projects/${projectId}/tasks`, { title: "" })).status).toBe(400);
  });

  it("only assigns tasks to members of the organization", async () => {
    const { client } = await userInOwnOrganization("assigner");
    const outsider = await signedUpUser("outsider");
    const { body } = await client.post("/api/projects", { name: "Members only" });

    const reply = await client.post(`/api/projects/${body.project.id}/tasks`, { title: "x", assigneeId: outsider.user.id });
    expect(reply).toMatchObject({ status: 400, body: { error: expect.stringMatching(/member/) } });
    expect((await client.get(`/api/projects/${body.project.id}/tasks`)).body.tasks).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("never shows or changes another organization's projects and tasks, whatever ids are sent", async () => {
    const alice = await userInOwnOrganization("alice");
    const bob = await userInOwnOrganization("bob");

    const aliceProject = (await alice.client.post("/api/projects", { name: "Alice's" })).body.project;
    const aliceTask = (await alice.client.post(`/api/projects/${aliceProject.id}/tasks`, { title: "Secret" })).body.task;
    await bob.client.post("/api/projects", { name: "Bob's" });

    const bobList = await bob.client.get("/api/projects");
    expect(bobList.body.projects.map((p: { name: string }) => p.name)).toEqual(["Bob's"]);

    expect((await bob.client.get(`/api/projects/${aliceProject.id}`)).status).toBe(404);
    expect((await bob.client.get(`/api/projects/${aliceProject.id}/tasks`)).status).toBe(404);
    expect((await bob.client.post(`/api/projects/${aliceProject.id}/tasks`, { title: "Intrusion" })).status).toBe(404);
    expect((await bob.client.patch(`/api/projects/${aliceProject.id}/tasks/${aliceTask.id}`, { done: true })).status).toBe(404);

    // Bob's own project id with Alice's task id: still not found.
    const bobProject = (await bob.client.get("/api/projects")).body.projects[0];
    expect((await bob.client.patch(`/api/projects/${bobProject.id}/tasks/${aliceTask.id}`, { title: "Mine" })).status).toBe(404);

    // Bob cannot make Alice's organization his active one (Better Auth then clears his active one).
    const switched = await bob.client.post("/api/auth/organization/set-active", { organizationId: alice.organization.id });
    expect(switched.status).toBe(403);
    expect((await bob.client.get("/api/projects")).status).toBe(400);
    await bob.client.post("/api/auth/organization/set-active", { organizationId: bob.organization.id });
    expect((await bob.client.get("/api/projects")).body.projects.map((p: { name: string }) => p.name)).toEqual(["Bob's"]);

    // Nothing changed on Alice's side.
    const [row] = await db.select().from(task).where(eq(task.id, aliceTask.id));
    expect(row).toMatchObject({ title: "Secret", done: false });
    expect(await db.select().from(task).where(eq(task.projectId, aliceProject.id))).toHaveLength(1);
    const aliceList = await alice.client.get("/api/projects");
    expect(aliceList.body.projects.map((p: { name: string }) => p.name)).toEqual(["Alice's"]);
    const projectsOf = (organizationId: string) => db.select().from(project).where(eq(project.organizationId, organizationId));
    expect((await projectsOf(alice.organization.id)).map((p) => p.name)).toEqual(["Alice's"]);
    expect((await projectsOf(bob.organization.id)).map((p) => p.name)).toEqual(["Bob's"]);
  });
});
