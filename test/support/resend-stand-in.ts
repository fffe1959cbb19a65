import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedMail = { authorization: string | null; from: string; to: string[]; subject: string; text: string; html: string };

/**
 * A stand-in for Resend's POST https://api.resend.com/emails on loopback: keeps what it is sent, answers
 * like Resend after `delayMs` (a slow provider, to see that a shutdown waits for the mail).
 */
export async function startResendStandIn(delayMs = 0) {
  const received: ReceivedMail[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      setTimeout(() => {
        const mail = JSON.parse(body) as Omit<ReceivedMail, "authorization">;
        received.push({ ...mail, authorization: request.headers.authorization ?? null });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `stand-in-${received.length}` }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/emails`,
    received,
    /** The mail to `to`, once it has arrived. */
    async mailTo(to: string, timeoutMs = 15_000): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((m) => m.to.includes(to));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms; got ${JSON.stringify(received.map((m) => m.to))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
