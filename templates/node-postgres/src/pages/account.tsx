// Signing up, in and out, and resetting a password. Every form posts to Better Auth's own endpoints
// through the app (callApi), then redirects: a reload never sends the form twice.
import { Hono } from "hono";
import { callApi, errorMessage, type FormStatus, formStatus, keepCookies } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { currentSession, readForm, safeNext } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { PAGE_PLUGINS } from "./plugins.ts";
import { Field, FormError, Notice } from "./ui.tsx";

const MIN_PASSWORD = 8; // Better Auth's default minPasswordLength

const SIGN_IN_NOTICES: Record<string, string> = {
  "password-reset": "Your password was changed. Sign in with the new one.",
  "signed-out": "You are signed out.",
};

function withNext(path: string, next: string): string {
  return next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
}

function socialProviders(c: PageContext): string[] {
  const options = c.var.auth.options as { socialProviders?: Record<string, unknown> };
  return Object.keys(options.socialProviders ?? {});
}

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };

type SignUpValues = { name?: string | undefined; email?: string | undefined };

function signUpPage(c: PageContext, next: string, values: SignUpValues = {}, error?: string, status: 200 | FormStatus = 200) {
  return renderPage(
    c,
    { title: "Sign up", status },
    <>
      <form method="post" action={withNext("/sign-up", next)} class="stack">
        <Field label="Name" name="name" value={values.name} autocomplete="name" error={!!error} />
        <Field label="Email" name="email" type="email" value={values.email} autocomplete="email" error={!!error} />
        <Field label="Password" name="password" type="password" autocomplete="new-password" minlength={MIN_PASSWORD} error={!!error} />
        <FormError message={error} />
        <div>
          <button type="submit">Sign up</button>
        </div>
      </form>
      <p>
        Have an account? <a href={withNext("/sign-in", next)}>Sign in</a>
      </p>
    </>,
  );
}

function signInPage(c: PageContext, next: string, values: { email?: string | undefined } = {}, error?: string, status: 200 | FormStatus = 200) {
  const providers = socialProviders(c);
  return renderPage(
    c,
    { title: "Sign in", status },
    <>
      <Notice message={SIGN_IN_NOTICES[c.req.query("notice") ?? ""]} />
      <form method="post" action={withNext("/sign-in", next)} class="stack">
        <Field label="Email" name="email" type="email" value={values.email} autocomplete="email" error={!!error} />
        <Field label="Password" name="password" type="password" autocomplete="current-password" error={!!error} />
        <FormError message={error} />
        <div class="actions">
          <button type="submit">Sign in</button>
          {PAGE_PLUGINS.map((plugin) => plugin.signInActions?.(next))}
        </div>
      </form>
      <p>
        <a href="/forgot-password">Forgot password?</a>
      </p>
      {PAGE_PLUGINS.map((plugin) => plugin.signIn?.(c, next))}
      {providers.length > 0 && (
        <section aria-label="Other ways to sign in">
          {providers.map((provider) => (
            <form method="post" action={withNext("/sign-in/social", next)}>
              <input type="hidden" name="provider" value={provider} />
              <button type="submit" class="secondary">
                Continue with {PROVIDER_NAMES[provider] ?? provider}
              </button>
            </form>
          ))}
        </section>
      )}
      <p>
        New here? <a href={withNext("/sign-up", next)}>Sign up</a>
      </p>
    </>,
  );
}

export const accountPages = new Hono<PageEnv>()
  .get("/sign-up", async (c) => {
    if (await currentSession(c)) return c.redirect("/", 303);
    return signUpPage(c, safeNext(c.req.query("next")));
  })
  .post("/sign-up", async (c) => {
    const next = safeNext(c.req.query("next"));
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/sign-up/email", {
      name: form.name ?? "",
      email: form.email ?? "",
      password: form.password ?? "",
      // The verification mail's link signs the person in and lands here.
      callbackURL: "/",
    });
    if (!reply.ok) return signUpPage(c, next, form, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply);
    return c.redirect(next, 303);
  })

  .get("/sign-in", async (c) => {
    const next = safeNext(c.req.query("next"));
    if (await currentSession(c)) return c.redirect(next, 303);
    return signInPage(c, next);
  })
  .post("/sign-in", async (c) => {
    const next = safeNext(c.req.query("next"));
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/sign-in/email", { email: form.email ?? "", password: form.password ?? "" });
    if (!reply.ok) return signInPage(c, next, form, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply);
    // A plugin may ask for another step before the session starts (two-factor: a code).
    const step = PAGE_PLUGINS.map((plugin) => plugin.afterPassword?.(reply, next)).find(Boolean);
    return c.redirect(step ?? next, 303);
  })
  .post("/sign-in/social", async (c) => {
    const next = safeNext(c.req.query("next"));
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/sign-in/social", { provider: form.provider ?? "", callbackURL: next });
    const url = (reply.body as { url?: unknown } | null)?.url;
    if (!reply.ok || typeof url !== "string") return signInPage(c, next, {}, errorMessage(reply), formStatus(reply));
    keepCookies(c, reply); // the OAuth state cookie
    return c.redirect(url, 303);
  })

  .post("/sign-out", async (c) => {
    const reply = await callApi(c, "POST", "/api/auth/sign-out", {});
    keepCookies(c, reply);
    return c.redirect("/sign-in?notice=signed-out", 303);
  })

  .get("/forgot-password", (c) => forgotPage(c))
  .post("/forgot-password", async (c) => {
    const form = await readForm(c);
    const reply = await callApi(c, "POST", "/api/auth/request-password-reset", {
      email: form.email ?? "",
      // The mailed link checks the token, then redirects here with ?token=…, on the origin the
      // person uses (a relative path would be resolved against BETTER_AUTH_URL).
      redirectTo: new URL("/reset-password", c.req.header("origin") ?? c.req.url).href,
    });
    if (!reply.ok) return forgotPage(c, form.email, errorMessage(reply), formStatus(reply));
    return c.redirect("/forgot-password?notice=sent", 303);
  })

  .get("/reset-password", (c) => resetPage(c))
  .post("/reset-password", async (c) => {
    const form = await readForm(c);
    const token = c.req.query("token") ?? "";
    const reply = await callApi(c, "POST", "/api/auth/reset-password", { newPassword: form.newPassword ?? "", token });
    if (!reply.ok) return resetPage(c, errorMessage(reply), formStatus(reply));
    return c.redirect("/sign-in?notice=password-reset", 303);
  });

function forgotPage(c: PageContext, email?: string, error?: string, status: 200 | FormStatus = 200) {
  const sent = c.req.query("notice") === "sent";
  return renderPage(
    c,
    { title: "Forgot password", status },
    <>
      <Notice message={sent ? "If an account uses that address, a reset link is on its way. It works once, for one hour." : undefined} />
      <p>Enter the email you signed up with and we will send you a link to set a new password.</p>
      <form method="post" action="/forgot-password" class="stack">
        <Field label="Email" name="email" type="email" value={email} autocomplete="email" error={!!error} />
        <FormError message={error} />
        <div>
          <button type="submit">Send reset link</button>
        </div>
      </form>
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </>,
  );
}

function resetPage(c: PageContext, error?: string, status: 200 | FormStatus = 200) {
  const token = c.req.query("token");
  // Better Auth sends an expired or used link here with ?error=INVALID_TOKEN instead of a token.
  if (!token) {
    return renderPage(
      c,
      { title: "Reset password", status: status === 200 ? 400 : status },
      <p class="error" role="alert">
        This reset link is invalid or has expired. <a href="/forgot-password">Ask for a new one</a>.
      </p>,
    );
  }
  return renderPage(
    c,
    { title: "Reset password", status },
    <form method="post" action={`/reset-password?token=${encodeURIComponent(token)}`} class="stack">
      <Field label="New password" name="newPassword" type="password" autocomplete="new-password" minlength={MIN_PASSWORD} error={!!error} />
      <FormError message={error} />
      <div>
        <button type="submit">Reset password</button>
      </div>
    </form>,
  );
}
