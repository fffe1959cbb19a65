// The app on a real socket (random port on 127.0.0.1): tests talk HTTP to it like a client would.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll } from "vitest";
import { app } from "../../src/app.ts";
import { setListeningPort } from "../../src/lib/origins.ts";

export type TestServer = { origin: string };

export function useServer(): TestServer {
  const server: TestServer = { origin: "" };
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      const http = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        setListeningPort(info.port);
        server.origin = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      close = () =>
        new Promise<void>((done) => {
          if ("closeAllConnections" in http) http.closeAllConnections();
          http.close(() => done());
        });
    });
  });

  afterAll(async () => {
    await close?.();
  });

  return server;
}

