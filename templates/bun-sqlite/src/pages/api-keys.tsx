// API keys: listed by name, created (the key itself shown once, on the answer to the form that
// created it: never in a URL, never stored in a page that can be reloaded from cache), revoked.
import { Hono } from "hono";
import { callApi, errorMessage, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { ButtonForm, Field, FormError, Notice } from "./ui.tsx";

const NOTICES: Record<string, string> = { revoked: "API key revoked." };

type Outcome = { created?: { name: string; key: string }; error?: string; name?: string; status?: 200 | 201 | ReturnType<typeof formStatus> };

async function apiKeysPage(c: PageContext, outcome: Outcome = {}) {
  const { apiKeys } = await c.var.auth.api.listApiKeys({ headers: c.req.raw.headers });
  return renderPage(
    c,
    { title: "API keys", current: "api-keys", signedIn: true, status: outcome.status ?? 200 },
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      {outcome.created && (
        <section aria-labelledby="new-key" role="status">
          <h2 id="new-key">Your new key “{outcome.created.name}”</h2>
          <p>Copy it now: it is shown only this once. Send it as the x-api-key header.</p>
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

export const apiKeyPages = new Hono<PageEnv>()
  .get("/api-keys", async (c) => ((await currentSession(c)) ? apiKeysPage(c) : toSignIn(c)))
  .post("/api-keys", async (c) => {
    if (!(await currentSession(c))) return toSignIn(c);
    const name = (await readForm(c)).name ?? "";
    const reply = await callApi(c, "POST", "/api/auth/api-key/create", { name });
    if (!reply.ok) return apiKeysPage(c, { error: errorMessage(reply), name, status: formStatus(reply) });
    // Not a redirect: the key exists only in this answer.
    return apiKeysPage(c, { created: { name, key: (reply.body as { key: string }).key }, status: 201 });
  })
  .post("/api-keys/:id/revoke", async (c) => {
    if (!(await currentSession(c))) return toSignIn(c);
    const reply = await callApi(c, "POST", "/api/auth/api-key/delete", { keyId: c.req.param("id") });
    if (!reply.ok) return apiKeysPage(c, { error: errorMessage(reply), status: formStatus(reply) });
    return c.redirect("/api-keys?notice=revoked", 303);
  });
