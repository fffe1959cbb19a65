// API keys of the active organization: listed by name, created (the key itself shown once, on the
// answer to the form that created it: never in a URL, never stored in a page that can be reloaded from
// cache), revoked. Better Auth lets the organization's owner do this; other members are told so.
import { Hono } from "hono";
import { callApi, errorMessage, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { ButtonForm, Field, FormError, Notice } from "./ui.tsx";

const NOTICES: Record<string, string> = { revoked: "API key revoked." };

type Outcome = { created?: { name: string; key: string }; error?: string; name?: string; status?: 200 | 201 | ReturnType<typeof formStatus> };

async function apiKeysPage(c: PageContext, organizationId: string | null | undefined, outcome: Outcome = {}) {
  const page = { title: "API keys", current: "api-keys", signedIn: true, status: outcome.status ?? 200 } as const;
  if (!organizationId) {
    return renderPage(
      c,
      page,
      <p class="muted">
        API keys belong to an organization, and you have no active organization. Create or switch to one on the <a href="/">home page</a>.
      </p>,
    );
  }
  const listed = await callApi(c, "GET", `/api/auth/api-key/list?organizationId=${encodeURIComponent(organizationId)}`);
  if (!listed.ok) {
    return renderPage(c, { ...page, status: formStatus(listed) }, <p class="muted">Only the owner of the active organization can see and make its API keys.</p>);
  }
  const { apiKeys } = listed.body as { apiKeys: { id: string; name: string | null; start: string | null }[] };
  return renderPage(
    c,
    page,
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      {outcome.created && (
        <section aria-labelledby="new-key" role="status">
          <h2 id="new-key">Your new key “{outcome.created.name}”</h2>
          <p>Copy it now: it is shown only this once. Send it as the x-api-key header to /api/projects: it acts for this organization.</p>
          <code class="secret">{outcome.created.key}</code>
        </section>
      )}
      {apiKeys.length === 0 ? (
        <p class="muted">No API keys yet.</p>
      ) : (
        <ul class="list">
          {apiKeys.map((key) => (
            <li>
              <span>
                {key.name ?? "Unnamed key"} <span class="muted">{key.start ? `${key.start}…` : ""}</span>
              </span>
              <ButtonForm
                action={`/api-keys/${encodeURIComponent(key.id)}/revoke`}
                class="danger"
                label={
                  <>
                    Revoke<span class="visually-hidden"> {key.name ?? "key"}</span>
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
      <h2>New API key</h2>
      <form method="post" action="/api-keys" class="inline">
        <Field label="Key name" name="name" value={outcome.error ? outcome.name : undefined} error={!!outcome.error} />
        <button type="submit">Create API key</button>
      </form>
      <FormError message={outcome.error} />
    </>,
  );
}

/** The signed-in user's active organization, or null; undefined when signed out. */
async function activeOrganization(c: PageContext): Promise<string | null | undefined> {
  const session = await currentSession(c);
  return session ? (session.session.activeOrganizationId ?? null) : undefined;
}

export const apiKeyPages = new Hono<PageEnv>()
  .get("/api-keys", async (c) => {
    const organizationId = await activeOrganization(c);
    return organizationId === undefined ? toSignIn(c) : apiKeysPage(c, organizationId);
  })
  .post("/api-keys", async (c) => {
    const organizationId = await activeOrganization(c);
    if (organizationId === undefined) return toSignIn(c);
    const name = (await readForm(c)).name ?? "";
    const reply = await callApi(c, "POST", "/api/auth/api-key/create", { name, organizationId });
    if (!reply.ok) return apiKeysPage(c, organizationId, { error: errorMessage(reply), name, status: formStatus(reply) });
    // Not a redirect: the key exists only in this answer.
    return apiKeysPage(c, organizationId, { created: { name, key: (reply.body as { key: string }).key }, status: 201 });
  })
  .post("/api-keys/:id/revoke", async (c) => {
    const organizationId = await activeOrganization(c);
    if (organizationId === undefined) return toSignIn(c);
    const reply = await callApi(c, "POST", "/api/auth/api-key/delete", { keyId: c.req.param("id") });
    if (!reply.ok) return apiKeysPage(c, organizationId, { error: errorMessage(reply), status: formStatus(reply) });
    return c.redirect("/api-keys?notice=revoked", 303);
  });
