// Resend's HTTP API over fetch: no SDK, so it runs the same on Node, Bun and Workers.
// https://resend.com/docs/api-reference/emails/send-email
import type { ResendSettings } from "../config/auth-settings.ts";
import type { OutgoingMail } from "./mailbox.ts";

export const RESEND_API_URL = "https://api.resend.com/emails";

/** Sends one mail; throws with Resend's status and answer when it is refused. */
export async function sendWithResend(settings: ResendSettings, mail: OutgoingMail): Promise<void> {
  const response = await fetch(settings.endpoint ?? RESEND_API_URL, {
    method: "POST",
    headers: { authorization: `Bearer ${settings.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ from: settings.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text }),
  });
  if (!response.ok) {
    const answer = (await response.text().catch(() => "")).slice(0, 300);
    throw new Error(`Resend answered ${response.status}${answer ? `: ${answer}` : ""}`);
  }
}
