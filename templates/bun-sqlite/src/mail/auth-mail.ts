// Better Auth's mail hooks, wired to the mailer and the messages: verification on sign-up, password
// reset and organization invitations. Spread into betterAuth({...}) and organization({...}).
import { onOrigin } from "../http/link-origin.ts";
import type { Mailer } from "./mailer.ts";
import { invitationMail, passwordResetMail, verificationMail } from "./messages.ts";

export type AuthMailSettings = {
  mailer: Mailer;
  /** The origin links point at, for the request that caused the mail. */
  linkOrigin: (request?: Request) => string;
  requireEmailVerification: boolean;
};

/** The page that sets the new password; Better Auth appends ?token=… when it redirects there. */
export const RESET_PASSWORD_PAGE = "/reset-password";

type User = { email: string; name: string };
type Link = { user: User; url: string };

export function authMailOptions({ mailer, linkOrigin, requireEmailVerification }: AuthMailSettings) {
  return {
    emailAndPassword: {
      enabled: true,
      requireEmailVerification,
      // A reset is a sign that someone else may know the password: end the other sessions.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }: Link, request?: Request) => {
        const link = new URL(onOrigin(url, linkOrigin(request)));
        // A reset requested without redirectTo still lands on the reset page.
        if (!link.searchParams.get("callbackURL")) link.searchParams.set("callbackURL", RESET_PASSWORD_PAGE);
        await mailer.send({ to: user.email, ...passwordResetMail({ name: user.name, url: link.href }) });
      },
    },
    emailVerification: {
      // Sent on sign-up without blocking sign-in (unless requireEmailVerification): the first
      // sign-up of a new project just works, and following the link signs the person in.
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }: Link, request?: Request) => {
        await mailer.send({ to: user.email, ...verificationMail({ name: user.name, url: onOrigin(url, linkOrigin(request)) }) });
      },
    },
  };
}

type Invitation = {
  id: string;
  email: string;
  organization: { name: string };
  inviter: { user: User };
};

/** organization({ sendInvitationEmail }): a link to the accept page, naming the organization and the inviter. */
export function invitationMailer({ mailer, linkOrigin }: Pick<AuthMailSettings, "mailer" | "linkOrigin">) {
  return async (invitation: Invitation, request?: Request) => {
    const url = new URL(`/accept-invitation/${encodeURIComponent(invitation.id)}`, linkOrigin(request)).href;
    const { name, email } = invitation.inviter.user;
    await mailer.send({
      to: invitation.email,
      ...invitationMail({ organization: invitation.organization.name, inviter: name || email, inviterEmail: email, url }),
    });
  };
}
