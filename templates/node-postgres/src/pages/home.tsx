// The signed-in home page: who you are, your organizations (create, switch, invite), and the
// invitations waiting for you.
import { Hono } from "hono";
import { callApi, errorMessage, type FormStatus, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { ButtonForm, Field, FormError, Notice } from "./ui.tsx";

type Session = NonNullable<Awaited<ReturnType<typeof currentSession>>>;
type FormName = "verify" | "organization" | "invite" | "switch";
type Problem = { form: FormName; message: string; value?: string | undefined; status: FormStatus };

const NOTICES: Record<string, string> = {
  "verification-sent": "Verification email sent. Open the link in it to verify your address.",
  "organization-created": "Organization created. It is your active organization now.",
  "organization-switched": "Active organization changed.",
  "invitation-sent": "Invitation sent.",
  "invitation-accepted": "Invitation accepted. Welcome aboard.",
};

/** A URL-friendly slug, made unique with a random suffix (people rarely care about it). */
function slugFor(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "org";
  return `${base}-${crypto.randomUUID().slice(0, 6)}`;
}

async function homePage(c: PageContext, session: Session, problem?: Problem) {
  const activeId = session.session.activeOrganizationId ?? null;
  const { organizations, active, invitations } = await c.var.runtime.accountOverview(c, session.user, activeId);
  const error = (form: FormName) => (problem?.form === form ? problem.message : undefined);

  return renderPage(
    c,
    { title: "Home", current: "home", signedIn: true, status: problem?.status ?? 200 },
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      <section aria-labelledby="account">
        <h2 id="account">Your account</h2>
        <p>
          Signed in as <strong>{session.user.email}</strong>{" "}
          {session.user.emailVerified ? (
            <span class="badge">Verified</span>
          ) : (
            <span class="badge">Not verified</span>
          )}
        </p>
        {!session.user.emailVerified && (
          <>
            <ButtonForm action="/verification-email" label="Resend verification email" class="secondary" />
            <FormError message={error("verify")} />
          </>
        )}
      </section>

      {invitations.length > 0 && (
        <section aria-labelledby="for-you">
          <h2 id="for-you">Invitations for you</h2>
          <ul class="list">
            {invitations.map((invitation) => (
              <li>
                <span>{invitation.organizationName}</span>
                <a href={`/accept-invitation/${encodeURIComponent(invitation.id)}`}>View invitation</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="organizations">
        <h2 id="organizations">Organizations</h2>
        {organizations.length === 0 ? (
          <p class="muted">You belong to no organization yet. Create one to start projects and invite people.</p>
        ) : (
          <ul class="list">
            {organizations.map((organization) =>
              organization.id === activeId ? (
                <li>
                  <strong>{organization.name}</strong> <span class="badge">Active</span>
                </li>
              ) : (
                <li>
                  <span>{organization.name}</span>
                  <ButtonForm
                    action="/organizations/active"
                    hidden={{ organizationId: organization.id }}
                    class="secondary"
                    label={
                      <>
                        Switch<span class="visually-hidden"> to {organization.name}</span>
                      </>
                    }
                  />
                </li>
              ),
            )}
          </ul>
        )}
        <FormError message={error("switch")} />
        <form method="post" action="/organizations" class="inline">
          <Field label="Organization name" name="name" value={problem?.form === "organization" ? problem.value : undefined} error={!!error("organization")} />
          <button type="submit">Create organization</button>
        </form>
        <FormError message={error("organization")} />
      </section>

      {active && (
        <section aria-labelledby="members">
          <h2 id="members">People in {active.name}</h2>
          <ul class="list">
            {active.members.map((member) => (
              <li>
                <span>{member.email}</span> <span class="muted">{member.role}</span>
              </li>
            ))}
            {active.invited.map((email) => (
              <li>
                <span>{email}</span> <span class="muted">invited</span>
              </li>
            ))}
          </ul>
          <form method="post" action="/invitations" class="inline">
            <Field label="Invite email" name="email" type="email" value={problem?.form === "invite" ? problem.value : undefined} error={!!error("invite")} />
            <button type="submit">Send invitation</button>
          </form>
          <FormError message={error("invite")} />
        </section>
      )}
    </>,
  );
}

/** Runs a form's API call; success redirects home with a notice, failure shows the home page with the error. */
async function submit(
  c: PageContext,
  form: FormName,
  path: string,
  body: (session: Session) => unknown,
  notice: string,
  value?: string,
) {
  const session = await currentSession(c);
  if (!session) return toSignIn(c);
  const reply = await callApi(c, "POST", path, body(session));
  if (reply.ok) return c.redirect(`/?notice=${notice}`, 303);
  return homePage(c, session, { form, message: errorMessage(reply), value, status: formStatus(reply) });
}

export const homePages = new Hono<PageEnv>()
  .get("/", async (c) => {
    const session = await currentSession(c);
    return session ? homePage(c, session) : toSignIn(c);
  })
  .post("/verification-email", (c) =>
    submit(c, "verify", "/api/auth/send-verification-email", (session) => ({ email: session.user.email, callbackURL: "/" }), "verification-sent"),
  )
  .post("/organizations", async (c) => {
    const name = (await readForm(c)).name ?? "";
    return submit(c, "organization", "/api/auth/organization/create", () => ({ name, slug: slugFor(name) }), "organization-created", name);
  })
  .post("/organizations/active", async (c) => {
    const { organizationId = "" } = await readForm(c);
    return submit(c, "switch", "/api/auth/organization/set-active", () => ({ organizationId }), "organization-switched");
  })
  .post("/invitations", async (c) => {
    const email = (await readForm(c)).email ?? "";
    return submit(c, "invite", "/api/auth/organization/invite-member", () => ({ email, role: "member" }), "invitation-sent", email);
  });
