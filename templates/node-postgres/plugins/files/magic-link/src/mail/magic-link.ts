// The magic-link plugin's mail: a link that signs the person in, sent through the app's one mailer
// (the dev mailbox outside production, Resend in production).
import { onOrigin } from "../http/link-origin.ts";
import type { AuthMailSettings } from "./auth-mail.ts";
import { compose } from "./messages.ts";

export function magicLinkMail({ url }: { url: string }) {
  return compose(
    "Your sign-in link",
    "Someone (hopefully you) asked for a link to sign in to your account.",
    "Sign in",
    url,
    "The link works once and expires in five minutes. If you did not ask for it, ignore this mail.",
  );
}

/** What Better Auth passes the sender besides the link: the request, and where to run work after it. */
type Endpoint = { request?: Request; context: { runInBackgroundOrAwait: (task: Promise<unknown>) => unknown } };

/**
 * magicLink({ sendMagicLink }): the link on the origin of the request that asked for it (dev) or
 * BETTER_AUTH_URL (production), like every other mail. It goes out after the response, as the other
 * mail does: a slow provider never holds up the form. `mail` is absent only where Better Auth is built
 * to read its schema, which sends nothing.
 */
export function magicLinkMailer(mail: Pick<AuthMailSettings, "mailer" | "linkOrigin"> | undefined) {
  return async ({ email, url }: { email: string; url: string }, endpoint?: Endpoint) => {
    if (!mail) throw new Error("This Better Auth instance only describes the schema; it sends no mail.");
    const sent = mail.mailer.send({ to: email, ...magicLinkMail({ url: onOrigin(url, mail.linkOrigin(endpoint?.request)) }) });
    await (endpoint ? endpoint.context.runInBackgroundOrAwait(sent) : sent);
  };
}
