// The one mailer: outside production every mail goes to the dev mailbox; in production through
// Resend when it is configured. It never throws: a mail that cannot be sent is logged, and the
// request that caused it (sign-up, reset, invitation) still succeeds.
import type { ResendSettings } from "../config/auth-settings.ts";
import { type OutgoingMail, recordMail } from "./mailbox.ts";
import { sendWithResend } from "./resend.ts";

export type Mailer = { send(mail: OutgoingMail): Promise<void> };

export function createMailer({ production, resend }: { production: boolean; resend?: ResendSettings }): Mailer {
  return {
    async send(mail) {
      if (!production) {
        recordMail(mail);
        return;
      }
      // Production logs name the recipient and subject, never the link: it carries a token.
      if (!resend) {
        console.error(`[mail] not sent to ${mail.to} ("${mail.subject}"): no mail provider. Set RESEND_API_KEY and MAIL_FROM.`);
        return;
      }
      try {
        await sendWithResend(resend, mail);
      } catch (error) {
        console.error(`[mail] sending to ${mail.to} ("${mail.subject}") failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
