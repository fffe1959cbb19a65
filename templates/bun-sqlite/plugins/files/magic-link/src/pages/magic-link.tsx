// Sign-in by a link (Better Auth's magicLink plugin): the sign-in form's "Email me a sign-in link" posts
// its Email field here; the link comes by mail (the dev mailbox outside production) and signs the person
// in once.
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { callApi, errorMessage, formStatus } from "./api.ts";
import type { PageContext, PageEnv } from "./env.ts";
import { readForm, safeNext } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { PagePlugin } from "./page-plugin.ts";
import { FormError } from "./ui.tsx";

const action = (next: string) => (next === "/" ? "/sign-in/magic-link" : `/sign-in/magic-link?next=${encodeURIComponent(next)}`);

function answerPage(c: PageContext, title: string, body: Child, status: 200 | ReturnType<typeof formStatus> = 200) {
  return renderPage(
    c,
    { title, status },
    <>
      {body}
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </>,
  );
}

const pages = new Hono<PageEnv>().post("/sign-in/magic-link", async (c) => {
  const next = safeNext(c.req.query("next"));
  const email = (await readForm(c)).email ?? "";
  // Absolute, on the origin the form was sent from: Better Auth would resolve a relative path against
  // BETTER_AUTH_URL, which in development is not always the port the dev server listens on.
  const here = c.req.header("origin") ?? new URL(c.req.url).origin;
  const reply = await callApi(c, "POST", "/api/auth/sign-in/magic-link", {
    email,
    callbackURL: new URL(next, here).href,
    // A used or expired link lands back on the sign-in page.
    errorCallbackURL: new URL("/sign-in", here).href,
  });
  if (!reply.ok) return answerPage(c, "Sign in", <FormError message={errorMessage(reply)} />, formStatus(reply));
  return answerPage(
    c,
    "Check your email",
    <p role="status">
      A sign-in link is on its way to <strong>{email}</strong>. It works once, within five minutes.
    </p>,
  );
});

export const magicLinkPages: PagePlugin = {
  pages,
  // The password is not needed for a link: formnovalidate lets the form go without it.
  signInActions: (next) => (
    <button type="submit" class="secondary" formaction={action(next)} formnovalidate>
      Email me a sign-in link
    </button>
  ),
};
