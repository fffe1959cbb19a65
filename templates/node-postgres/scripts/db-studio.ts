// npm run db:studio: drizzle-kit studio on the dev database. Studio's own port is 4983 unless that
// is taken (another project's studio, say): then a free one, which the printed link carries. It
// listens on 127.0.0.1 only (drizzle-kit's default is every interface). `-- --port N` still wins.
import net from "node:net";
import { main } from "./lib/main.ts";
import { runWithDatabase } from "./lib/run-with-database.ts";

const STUDIO_PORT = 4983;

function listenablePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (port !== 0 && error.code === "EADDRINUSE" ? resolve(listenablePort(0)) : reject(error)));
    server.listen(port, "127.0.0.1", () => {
      const { port: chosen } = server.address() as net.AddressInfo;
      server.close(() => resolve(chosen));
    });
  });
}

main(async () => {
  const extra = process.argv.slice(2);
  const given = (flag: string) => extra.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
  const args = ["studio", ...(given("--host") ? [] : ["--host", "127.0.0.1"])];
  if (!given("--port")) args.push("--port", String(await listenablePort(STUDIO_PORT)));
  process.exitCode = await runWithDatabase("drizzle-kit", [...args, ...extra]);
});
