// The active organization's projects. Both reads and writes go through /api/projects, so the tenant
// rules live in one place: the API's own middleware and queries.
import { Hono } from "hono";
import { callApi, errorMessage, formStatus, type ApiReply } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { Field, FormError, Notice } from "./ui.tsx";

type Project = { id: string; name: string; description: string | null; createdAt: string };

async function projectsPage(c: PageContext, problem?: { message: string; name: string; reply: ApiReply }) {
  const list = await callApi(c, "GET", "/api/projects");
  if (list.status === 400) {
    // Not an error: the first visit before creating an organization.
    return renderPage(
      c,
      { title: "Projects", current: "projects", signedIn: true },
      <p>
        Projects belong to an organization, and you have no active organization yet. Create one on{" "}
        <a href="/">the home page</a>.
      </p>,
    );
  }
  if (!list.ok) {
    const reason = list.status === 403 ? "You are no longer a member of your active organization." : errorMessage(list);
    return renderPage(
      c,
      { title: "Projects", current: "projects", signedIn: true, status: formStatus(list) },
      <p class="error" role="alert">
        {reason} Switch to another organization on <a href="/">the home page</a>.
      </p>,
    );
  }
  const projects = (list.body as { projects: Project[] }).projects;
  return renderPage(
    c,
    { title: "Projects", current: "projects", signedIn: true, status: problem ? formStatus(problem.reply) : 200 },
    <>
      <Notice message={c.req.query("notice") === "created" ? "Project created." : undefined} />
      {projects.length === 0 ? (
        <p class="muted">No projects in this organization yet.</p>
      ) : (
        <ul class="list">
          {projects.map((project) => (
            <li>
              <span>{project.name}</span>
              <time class="muted" datetime={project.createdAt}>
                {project.createdAt.slice(0, 10)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <h2>New project</h2>
      <form method="post" action="/projects" class="inline">
        <Field label="Project name" name="name" value={problem?.name} error={!!problem} />
        <button type="submit">Create project</button>
      </form>
      <FormError message={problem?.message} />
    </>,
  );
}

export const projectPages = new Hono<PageEnv>()
  .get("/projects", async (c) => ((await currentSession(c)) ? projectsPage(c) : toSignIn(c)))
  .post("/projects", async (c) => {
    if (!(await currentSession(c))) return toSignIn(c);
    const name = (await readForm(c)).name ?? "";
    const reply = await callApi(c, "POST", "/api/projects", { name });
    if (reply.ok) return c.redirect("/projects?notice=created", 303);
    return projectsPage(c, { message: errorMessage(reply), name, reply });
  });
