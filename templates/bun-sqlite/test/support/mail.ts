import type { MailMessage } from "../../src/mail/mailbox.ts";

/** The dev mailbox as a developer (or the /dev/mail page) reads it: over HTTP, from this machine. */
export async function mailTo(baseURL: string, to: string): Promise<MailMessage[]> {
  const response = await fetch(new URL("/api/dev/mail", baseURL));
  if (response.status !== 200) throw new Error(`GET /api/dev/mail answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: MailMessage[] };
  return messages.filter((message) => message.to === to);
}

/** Follows a mail link by hand, to see its redirect and the cookie it sets. */
export async function follow(link: string): Promise<{ status: number; location: string | null; cookie: string }> {
  const response = await fetch(link, { redirect: "manual" });
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { status: response.status, location: response.headers.get("location"), cookie };
}
