import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { app } from "../src/app.ts";
import type { AppEnv } from "../src/env.ts";
import type { MailMessage } from "../src/mail/mailbox.ts";

/**
 * The Worker with other settings than vitest.config.ts's, called the way the runtime calls it: with
 * an execution context whose waitUntil work (mail sent after the response) is awaited too. It adds
 * the CF-Connecting-IP that `wrangler dev` gives a client on this machine.
 */
export function workerWith(overrides: Partial<AppEnv> = {}) {
  return async (request: Request): Promise<Response> => {
    const headers = new Headers(request.headers);
    if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", "127.0.0.1");
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(request, { headers }), { ...env, ...overrides }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/** The dev mailbox over HTTP, as the /dev/mail page or a developer reads it. */
export async function mailTo(send: (request: Request) => Promise<Response>, to: string): Promise<MailMessage[]> {
  const response = await send(new Request("http://localhost:8787/api/dev/mail"));
  if (response.status !== 200) throw new Error(`GET /api/dev/mail answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: MailMessage[] };
  return messages.filter((message) => message.to === to);
}
