// Reading the dev mailbox over HTTP, as a developer (or the /dev/mail page) does.
import type { MailMessage } from "../../src/mail/mailbox.ts";
import type { TestServer } from "./server.ts";

export async function mailTo(server: TestServer, to: string): Promise<MailMessage[]> {
  const response = await fetch(`${server.origin}/api/dev/mail`);
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
