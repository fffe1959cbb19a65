// The development mailbox: outside production every mail lands here instead of a provider, so
// sign-up, reset and invitation links work with no mail service to run. Module state: one process
// (or, on Workers, one `wrangler dev` isolate) keeps the last few messages in memory.

export type MailMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Every link of the mail, absolute. */
  links: string[];
  /** ISO 8601. */
  createdAt: string;
};

export type OutgoingMail = Pick<MailMessage, "to" | "subject" | "text" | "html" | "links">;

const MAILBOX_SIZE = 50;
const messages: MailMessage[] = [];

/** Keeps the mail (dropping the oldest past 50) and announces it with one console line carrying its link. */
export function recordMail(mail: OutgoingMail): MailMessage {
  const message: MailMessage = { id: crypto.randomUUID(), ...mail, createdAt: new Date().toISOString() };
  messages.unshift(message);
  messages.length = Math.min(messages.length, MAILBOX_SIZE);
  console.log(`[mail] to ${mail.to}: ${mail.subject} ${mail.links[0] ?? ""}`.trimEnd());
  return message;
}

/** The captured mail, newest first. A copy: callers cannot change the mailbox. */
export function listMail(): MailMessage[] {
  return messages.map((message) => ({ ...message, links: [...message.links] }));
}
