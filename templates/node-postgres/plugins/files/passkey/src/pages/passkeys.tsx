// Passkeys (Better Auth's passkey plugin): /account/passkeys lists, adds and deletes them; /sign-in
// offers "Sign in with a passkey". Adding and signing in need WebAuthn in the browser: the pages' only
// script (src/pages/passkey-script.ts), served by the app itself.
import { Hono } from "hono";
import { callApi, errorMessage, type FormStatus, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { PagePlugin } from "./page-plugin.ts";
import { PASSKEY_SCRIPT, PASSKEY_SCRIPT_SOURCE } from "./passkey-script.ts";
import { ButtonForm, FormError, Notice } from "./ui.tsx";

const PAGE = "/account/passkeys";
const NOTICES: Record<string, string> = { added: "Passkey added.", deleted: "Passkey deleted." };

type Passkey = { id: string; name?: string | null; createdAt?: string | null; deviceType?: string };

const Script = () => <script src={PASSKEY_SCRIPT} defer></script>;
/** Where the script says what happened (a closed prompt, an error). */
const Status = () => <p id="passkey-status" class="muted" role="status" aria-live="polite"></p>;

async function passkeysPage(c: PageContext, error?: string, status: 200 | FormStatus = 200) {
  const listed = await callApi(c, "GET", "/api/auth/passkey/list-user-passkeys");
  const passkeys = (listed.ok ? listed.body : []) as Passkey[];
  return renderPage(
    c,
    { title: "Passkeys", signedIn: true, status },
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      <p>A passkey signs you in with this device's lock (fingerprint, face, PIN) or a security key, without a password.</p>
      {passkeys.length === 0 ? (
        <p class="muted">You have no passkeys yet.</p>
      ) : (
        <ul class="list" aria-label="Your passkeys">
          {passkeys.map((passkey) => (
            <li>
              <span>
                {passkey.name || "Passkey"}
                {passkey.createdAt && <span class="muted"> · added {new Date(passkey.createdAt).toISOString().slice(0, 10)}</span>}
              </span>
              <ButtonForm action={`${PAGE}/delete`} label="Delete" class="danger" hidden={{ id: passkey.id }} />
            </li>
          ))}
        </ul>
      )}
      <FormError message={error} />
      <p>
        <button type="button" data-passkey="add">
          Add a passkey
        </button>
      </p>
      <Status />
      <noscript>
        <p class="muted">Adding a passkey needs JavaScript: WebAuthn has no form.</p>
      </noscript>
      <Script />
    </>,
  );
}

const pages = new Hono<PageEnv>()
  .get(PASSKEY_SCRIPT, (c) => {
    c.header("content-type", "text/javascript; charset=utf-8");
    return c.body(PASSKEY_SCRIPT_SOURCE);
  })
  .get(PAGE, async (c) => ((await currentSession(c)) ? passkeysPage(c) : toSignIn(c)))
  .post(`${PAGE}/delete`, async (c) => {
    if (!(await currentSession(c))) return toSignIn(c);
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/passkey/delete-passkey", { id: form.id ?? "" });
    if (!reply.ok) return passkeysPage(c, errorMessage(reply), formStatus(reply));
    return c.redirect(`${PAGE}?notice=deleted`, 303);
  });

export const passkeyPages: PagePlugin = {
  pages,
  signIn: (_c, next) => (
    <section aria-labelledby="passkey-sign-in">
      <h2 id="passkey-sign-in">Or use a passkey</h2>
      <p>
        <button type="button" class="secondary" data-passkey="sign-in" data-next={next}>
          Sign in with a passkey
        </button>
      </p>
      <Status />
      <Script />
    </section>
  ),
  nav: () => <a href={PAGE}>Passkeys</a>,
};
