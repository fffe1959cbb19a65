// Two-factor sign-in (Better Auth's twoFactor plugin): /account/two-factor turns it on with the password,
// shows the secret (as text and as a QR code) and the backup codes once, and asks a code to confirm; it
// turns it off with the password. /two-factor is the step after the password at sign-in.
import { Hono } from "hono";
import { raw } from "hono/html";
import { renderSVG } from "uqr";
import { callApi, errorMessage, type FormStatus, formStatus, keepCookies } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, safeNext, toSignIn } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { PagePlugin, Session } from "./page-plugin.ts";
import { Field, FormError, Notice } from "./ui.tsx";

const PAGE = "/account/two-factor";
const NOTICES: Record<string, string> = {
  enabled: "Two-factor is on. Signing in now asks for a code after the password.",
  disabled: "Two-factor is off. Signing in needs the password only.",
};

/** A 6-digit code comes from the app; anything else typed into "Code" is tried as a backup code. */
const isAppCode = (code: string) => /^\d{6}$/.test(code);

/** "Code" → "Verify": confirming the secret, and the step at sign-in. */
function CodeForm({ action, error }: { action: string; error?: string | undefined }) {
  return (
    <form method="post" action={action} class="stack">
      <Field label="Code" name="code" autocomplete="one-time-code" error={!!error} />
      <FormError message={error} />
      <div>
        <button type="submit">Verify</button>
      </div>
    </form>
  );
}

function settingsPage(c: PageContext, session: Session, error?: string, status: 200 | FormStatus = 200) {
  const on = session.user.twoFactorEnabled === true;
  return renderPage(
    c,
    { title: "Two-factor", signedIn: true, status },
    <>
      <Notice message={NOTICES[c.req.query("notice") ?? ""]} />
      <p>
        {on
          ? "Two-factor is on: after your password, signing in asks for a code from your authenticator app, or one of your backup codes."
          : "Two-factor is off. Turned on, signing in asks for a code from an authenticator app after your password."}
      </p>
      <form method="post" action={`${PAGE}/${on ? "disable" : "enable"}`} class="stack">
        <Field label="Password" name="password" type="password" autocomplete="current-password" error={!!error} />
        <FormError message={error} />
        <div>
          <button type="submit" class={on ? "danger" : undefined}>
            {on ? "Disable two-factor" : "Enable two-factor"}
          </button>
        </div>
      </form>
    </>,
  );
}

/** The answer to "Enable two-factor": the only time the secret and the backup codes are shown. */
function confirmPage(c: PageContext, secret?: { totpURI: string; backupCodes: string[] }, error?: string, status: 200 | FormStatus = 200) {
  const key = secret && new URL(secret.totpURI).searchParams.get("secret");
  return renderPage(
    c,
    { title: "Confirm two-factor", signedIn: true, status },
    <>
      {secret && (
        <>
          <section aria-labelledby="secret">
            <h2 id="secret">1. Add this account to your authenticator app</h2>
            <p>Scan the code, or type the secret in.</p>
            {/* uqr's SVG: our own markup from the secret, not input to escape. */}
            <div class="qr" role="img" aria-label="QR code of the two-factor secret">
              {raw(renderSVG(secret.totpURI))}
            </div>
            <code class="secret">{key}</code>
          </section>
          <section aria-labelledby="backup">
            <h2 id="backup">2. Keep your backup codes</h2>
            <p>Each works once, in place of a code, if you lose your app. They are shown only this once.</p>
            <ul class="codes">
              {secret.backupCodes.map((code) => (
                <li>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <section aria-labelledby="confirm">
        <h2 id="confirm">{secret ? "3. " : ""}Enter the code your app shows</h2>
        <CodeForm action={`${PAGE}/verify`} error={error} />
      </section>
    </>,
  );
}

function codePage(c: PageContext, next: string, error?: string, status: 200 | FormStatus = 200) {
  return renderPage(
    c,
    { title: "Two-factor", status },
    <>
      <p>Enter the code from your authenticator app, or one of your backup codes.</p>
      <CodeForm action={next === "/" ? "/two-factor" : `/two-factor?next=${encodeURIComponent(next)}`} error={error} />
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </>,
  );
}

const pages = new Hono<PageEnv>()
  .get(PAGE, async (c) => {
    const session = await currentSession(c);
    return session ? settingsPage(c, session) : toSignIn(c);
  })
  .post(`${PAGE}/enable`, async (c) => {
    const session = await currentSession(c);
    if (!session) return toSignIn(c);
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/two-factor/enable", { password: form.password ?? "" });
    if (!reply.ok) return settingsPage(c, session, errorMessage(reply), formStatus(reply));
    return confirmPage(c, reply.body as { totpURI: string; backupCodes: string[] });
  })
  .post(`${PAGE}/verify`, async (c) => {
    if (!(await currentSession(c))) return toSignIn(c);
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/two-factor/verify-totp", { code: form.code ?? "" });
    // The secret was shown once; a wrong code asks again without it (turning on anew shows a new one).
    if (!reply.ok) return confirmPage(c, undefined, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply);
    return c.redirect(`${PAGE}?notice=enabled`, 303);
  })
  .post(`${PAGE}/disable`, async (c) => {
    const session = await currentSession(c);
    if (!session) return toSignIn(c);
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/two-factor/disable", { password: form.password ?? "" });
    if (!reply.ok) return settingsPage(c, session, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply);
    return c.redirect(`${PAGE}?notice=disabled`, 303);
  })

  // The step after the password: Better Auth has set a short-lived cookie that names the person.
  .get("/two-factor", (c) => codePage(c, safeNext(c.req.query("next"))))
  .post("/two-factor", async (c) => {
    const next = safeNext(c.req.query("next"));
    const code = (await readForm(c)).code ?? "";
    const reply = isAppCode(code)
      ? await callApi(c, "POST", "/api/auth/two-factor/verify-totp", { code })
      : await callApi(c, "POST", "/api/auth/two-factor/verify-backup-code", { code });
    if (!reply.ok) return codePage(c, next, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply);
    return c.redirect(next, 303);
  });

export const twoFactorPages: PagePlugin = {
  pages,
  afterPassword: (reply, next) =>
    (reply.body as { twoFactorRedirect?: boolean } | null)?.twoFactorRedirect ? `/two-factor${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}` : undefined,
  nav: () => <a href={PAGE}>Two-factor</a>,
};

