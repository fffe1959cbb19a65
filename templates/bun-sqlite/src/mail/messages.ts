// Every mail the app sends, in one place: a subject, a plain-text part and an HTML part each.
// Edit the wording here; nothing else builds mail.
import type { OutgoingMail } from "./mailbox.ts";

type Content = Omit<OutgoingMail, "to">;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One paragraph, one button-like link, and the link again as text for clients that hide buttons. */
export function compose(subject: string, intro: string, action: string, url: string, outro: string): Content {
  const text = `${intro}\n\n${action}: ${url}\n\n${outro}\n`;
  const html =
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">` +
    `<p>${escapeHtml(intro)}</p>` +
    `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>` +
    `<p style="font-size:13px;color:#555">Or open this link: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` +
    `<p style="font-size:13px;color:#555">${escapeHtml(outro)}</p></body></html>`;
  return { subject, text, html, links: [url] };
}

export function verificationMail({ name, url }: { name: string; url: string }): Content {
  return compose(
    "Verify your email address",
    `Hi ${name || "there"}, confirm that this is your email address to finish setting up your account.`,
    "Verify email",
    url,
    "If you did not sign up, ignore this mail.",
  );
}

export function passwordResetMail({ name, url }: { name: string; url: string }): Content {
  return compose(
    "Reset your password",
    `Hi ${name || "there"}, someone (hopefully you) asked to reset the password of your account.`,
    "Choose a new password",
    url,
    "The link works once and expires in an hour. If you did not ask for it, ignore this mail: your password stays as it is.",
  );
}

export function invitationMail(input: { organization: string; inviter: string; inviterEmail: string; url: string }): Content {
  return compose(
    `${input.inviter} invited you to ${input.organization}`,
    `${input.inviter} (${input.inviterEmail}) invited you to join the organization ${input.organization}.`,
    `Accept the invitation to ${input.organization}`,
    input.url,
    "Sign in or create an account with this email address to accept. If you did not expect this, ignore this mail.",
  );
}
