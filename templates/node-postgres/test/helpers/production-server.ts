// The app as production starts it, on a real socket. Its own file: test/helpers/server.ts imports the
// app at once, before a test could change the settings it reads.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll } from "vitest";
import type { TestServer } from "./server.ts";

/**
 * The app as production starts it: `settings` put in the environment (undefined removes one, as for an
 * unset NODE_ENV) before the app is first imported, so it reads them. For a file of its own.
 */
export function useProductionServer(settings: Record<string, string | undefined>): TestServer {
  const server: TestServer = { origin: "" };
  let close = () => {};

  beforeAll(async () => {
    for (const [name, value] of Object.entries(settings)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const { app } = await import("../../src/app.ts");
    await new Promise<void>((resolve) => {
      const http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        server.origin = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      close = () => http.close();
    });
  });

  afterAll(() => close());

  return server;
}
