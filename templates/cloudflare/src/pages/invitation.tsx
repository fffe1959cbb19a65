// The page an invitation mail links to: which organization, who invited you, and one button.
import { Hono } from "hono";
import { callApi, errorMessage, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { FormError } from "./ui.tsx";

async function invitationPage(c: PageContext, error?: string) {
  const id = c.req.param("id") ?? "";
  const here = `/accept-invitation/${encodeURIComponent(id)}`;
  const session = await currentSession(c);
  if (!session) {
    return renderPage(
      c,
      { title: "You are invited" },
      <p>
        <a href={`/sign-up?next=${encodeURIComponent(here)}`}>Sign up</a> or{" "}
        <a href={`/sign-in?next=${encodeURIComponent(here)}`}>sign in</a> with the email address the invitation was sent
        to, to see and accept it.
      </p>,
    );
  }
  // Through the API: it answers only the invitee, and only while the invitation is pending.
  const reply = await callApi(c, "GET", `/api/auth/organization/get-invitation?id=${encodeURIComponent(id)}`);
  if (!reply.ok) {
    return renderPage(
      c,
      { title: "Invitation", signedIn: true, status: formStatus(reply) },
      <>
        <p class="error" role="alert">
          {errorMessage(reply)}
        </p>
        <p class="muted">
          You are signed in as {session.user.email}. An invitation can only be opened by the address it was sent to, and
          only until it is accepted or expires.
        </p>
      </>,
    );
  }
  const invitation = reply.body as { organizationName: string; inviterEmail: string; role: string };
  return renderPage(
    c,
    { title: `Join ${invitation.organizationName}`, signedIn: true, status: error ? 400 : 200 },
    <>
      <p>
        {invitation.inviterEmail} invited you to join <strong>{invitation.organizationName}</strong> as {invitation.role}.
      </p>
      <form method="post" action={here}>
        <button type="submit">Accept invitation</button>
      </form>
      <FormError message={error} />
    </>,
  );
}

export const invitationPages = new Hono<PageEnv>()
  .get("/accept-invitation/:id", (c) => invitationPage(c))
  .post("/accept-invitation/:id", async (c) => {
    const reply = await callApi(c, "POST", "/api/auth/organization/accept-invitation", { invitationId: c.req.param("id") });
    if (reply.ok) return c.redirect("/?notice=invitation-accepted", 303);
    return invitationPage(c, errorMessage(reply));
  });
