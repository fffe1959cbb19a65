import { createApp } from "../../src/app";
import { createAuth } from "../../src/auth";
import { serve } from "../../src/server";
import { freshDatabase, type TestDatabase } from "./database";

export type TestServer = TestDatabase & {
  url: string;
  auth: ReturnType<typeof createAuth>;
  stop: () => Promise<void>;
};

/** The real app on its own fresh database, served by Bun on a free loopback port. */
export function startServer(): TestServer {
  const database = freshDatabase();
  const auth = createAuth(database.db);
  const server = serve(createApp({ db: database.db, auth }), { port: 0, hostname: "127.0.0.1" });
  return {
    ...database,
    auth,
    url: `http://127.0.0.1:${server.port}`,
    stop: async () => {
      await server.stop(true);
      database.dispose();
    },
  };
}
