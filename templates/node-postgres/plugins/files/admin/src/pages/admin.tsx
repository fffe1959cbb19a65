// User administration (Better Auth's admin plugin): /admin/users lists every user with role and status,
// and bans, unbans, makes admin and impersonates, for users whose role is admin; anyone else gets the
// ordinary "not found" page, so the page does not say it exists. A banner shows while impersonating.
import { Hono } from "hono";
import { callApi, errorMessage, type FormStatus, formStatus, keepCookies } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { PagePlugin, Session } from "./page-plugin.ts";
import { ButtonForm, FormError, Notice } from "./ui.tsx";

const PAGE = "/admin/users";
const NOTICES: Record<string, string> = {
  banned: "User banned: their sessions have ended.",
  unbanned: "User unbanned.",
  "made-admin": "User is an admin now.",
  "stopped-impersonating": "You are yourself again.",
};
/** Each form of the page and the Better Auth endpoint it posts to. */
const ACTIONS = {
  ban: { endpoint: "/api/auth/admin/ban-user", notice: "banned" },
  unban: { endpoint: "/api/auth/admin/unban-user", notice: "unbanned" },
  "make-admin": { endpoint: "/api/auth/admin/set-role", notice: "made-admin" },
} as const;

type User = { id: string; name: string; email: string; role?: string | null; banned?: boolean | null };

/** Better Auth's admin roles are a comma-separated list; "admin" is its default admin role. */
const isAdmin = (role: string | null | undefined) => (role ?? "").split(",").includes("admin");

function notFound(c: PageContext) {
  return renderPage(
    c,
    { title: "Page not found", status: 404 },
    <p>
      There is no page at this address. <a href="/">Go to the home page</a>.
    </p>,
  );
}

async function usersPage(c: PageContext, session: Session, error?: string, status: 200 | FormStatus = 200) {
  const listed = await callApi(c, "GET", "/api/auth/admin/list-users?limit=100&sortBy=createdAt&sortDirection=desc");
  const users = (listed.ok ? (listed.body as { users: User[] }).users : []) as User[];
  return renderPage(
    c,
    { title: "Users", signedIn: true, status },
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      <FormError message={error ?? (listed.ok ? undefined : errorMessage(listed))} />
      <ul class="list" aria-label="Users">
        {users.map((user) => (
          <li>
            <span>
              <strong>{user.email}</strong> {user.name && <span class="muted">{user.name}</span>}{" "}
              <span class="badge">{isAdmin(user.role) ? "admin" : user.role || "user"}</span>{" "}
              <span class="badge">{user.banned ? "banned" : "active"}</span>
            </span>
            {user.id !== session.user.id && (
              <span class="actions">
                {user.banned ? (
                  <ButtonForm action={`${PAGE}/unban`} label="Unban" class="secondary" hidden={{ userId: user.id }} />
                ) : (
                  <ButtonForm action={`${PAGE}/ban`} label="Ban" class="danger" hidden={{ userId: user.id }} />
                )}
                {!isAdmin(user.role) && <ButtonForm action={`${PAGE}/make-admin`} label="Make admin" class="secondary" hidden={{ userId: user.id }} />}
                {!user.banned && <ButtonForm action={`${PAGE}/impersonate`} label="Impersonate" class="secondary" hidden={{ userId: user.id }} />}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>,
  );
}

/** The signed-in admin, or null: the page answers 404 to everyone else, signed out included. */
async function currentAdmin(c: PageContext) {
  const session = await currentSession(c);
  return session && isAdmin(session.user.role) ? session : null;
}

const pages = new Hono<PageEnv>()
  .get(PAGE, async (c) => {
    const session = await currentAdmin(c);
    return session ? usersPage(c, session) : notFound(c);
  })
  .post(`${PAGE}/:action{ban|unban|make-admin}`, async (c) => {
    const session = await currentAdmin(c);
    if (!session) return notFound(c);
    const action = ACTIONS[c.req.param("action") as keyof typeof ACTIONS];
    const { userId = "" } = await readForm(c);
    const body = action === ACTIONS["make-admin"] ? { userId, role: "admin" } : { userId };
    const reply = await callApi(c, "POST", action.endpoint, body);
    if (!reply.ok) return usersPage(c, session, errorMessage(reply), formStatus(reply));
    return c.redirect(`${PAGE}?notice=${action.notice}`, 303);
  })
  .post(`${PAGE}/impersonate`, async (c) => {
    const session = await currentAdmin(c);
    if (!session) return notFound(c);
    const { userId = "" } = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/admin/impersonate-user", { userId });
    if (!reply.ok) return usersPage(c, session, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply); // the impersonated session; the admin's own is kept aside by Better Auth
    return c.redirect("/", 303);
  })
  .post("/admin/stop-impersonating", async (c) => {
    const reply = await callApi(c, "POST", "/api/auth/admin/stop-impersonating", {});
    if (!reply.ok) return c.redirect("/", 303);
    keepCookies(c, reply);
    return c.redirect(`${PAGE}?notice=stopped-impersonating`, 303);
  });

export const adminPages: PagePlugin = {
  pages,
  nav: (session) => isAdmin(session.user.role) && <a href={PAGE}>Users</a>,
  banner: (session) =>
    session.session.impersonatedBy && (
      <div class="banner" role="status">
        <span>You are impersonating {session.user.email}.</span>
        <ButtonForm action="/admin/stop-impersonating" label="Stop impersonating" />
      </div>
    ),
};
