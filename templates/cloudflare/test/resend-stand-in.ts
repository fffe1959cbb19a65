// Runs in Node around the test run: a stand-in for https://api.resend.com/emails that records what
// it is sent (GET /received lists it) and refuses, with a 500, any mail to an address containing
// "refused". The tests read its URL with inject("resendStandIn").
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    resendStandIn: string;
  }
}

export default async function setup(project: TestProject) {
  const received: unknown[] = [];
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/received") {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received));
      return;
    }
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const parsed = JSON.parse(body) as { to?: string[] };
      received.push({ path: request.url, authorization: request.headers.authorization ?? null, body: parsed });
      const refused = parsed.to?.some((to) => to.includes("refused"));
      response.writeHead(refused ? 500 : 200, { "content-type": "application/json" }).end(JSON.stringify(refused ? { message: "stand-in refusal" } : { id: "stand-in" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("resendStandIn", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
