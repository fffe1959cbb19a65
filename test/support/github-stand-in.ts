import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { tempDir } from "./temp.js";

/** What the stand-in answers for one repository's tarball. */
export type Answer =
  | { tarball: Buffer }
  | { html: string }
  /** accepts the request and never answers: a download that hangs */
  | { hang: true }
  /** only with this bearer token, else 404 as GitHub answers for a private repository */
  | { tarball: Buffer; token: string };

/**
 * A stand-in for GitHub's tarball API (GET and HEAD /repos/<owner>/<repo>/tarball/<ref>) on loopback. giget reads its
 * address from GIGET_GITHUB_URL. Records each request's path and headers.
 */
export async function githubStandIn(answers: Record<string, Answer>): Promise<{ url: string; requests: { url: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    const repo = /^\/repos\/([^/]+\/[^/]+)\/tarball\//.exec(req.url ?? "")?.[1];
    const answer = repo ? answers[repo] : undefined;
    if (!answer) return void res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
    if ("hang" in answer) return;
    if ("html" in answer) return void res.writeHead(200, { "content-type": "text/html" }).end(req.method === "HEAD" ? undefined : answer.html);
    if ("token" in answer && req.headers.authorization !== `Bearer ${answer.token}`) return void res.writeHead(404).end('{"message":"Not Found"}');
    res.writeHead(200, { "content-type": "application/x-gzip", etag: `"${answer.tarball.length}"` });
    res.end(req.method === "HEAD" ? undefined : answer.tarball);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A .tar.gz made by the system's tar, its tree wrapped in one folder as GitHub's tarballs are. */
export function tarball(setup: (root: string) => void, format: "pax" | "gnu" = "pax"): Buffer {
  const dir = tempDir("authstack-tarball-");
  const root = path.join(dir, "owner-repo-abc123");
  mkdirSync(root);
  setup(root);
  return execFileSync("tar", ["-cz", `--format=${format}`, "-C", dir, "owner-repo-abc123"], { maxBuffer: 256 << 20 });
}
