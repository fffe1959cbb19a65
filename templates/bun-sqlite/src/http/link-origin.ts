const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where links in development mail point: the port the dev server really listens on (so
 * `PORT=4321` mails links to 4321 whatever BETTER_AUTH_URL says), under the loopback name the
 * client used, so the cookie a link sets lands on the host the person is browsing.
 */
export function devLinkOrigin(request: Request | undefined, port: number | string): string {
  const used = request ? new URL(request.url).hostname : "";
  const host = LOOPBACK_NAMES.has(used) ? used : "localhost";
  return `http://${host}${port === "" ? "" : `:${port}`}`;
}

/** The same link on another origin (path, query and fragment kept). */
export function onOrigin(url: string, origin: string): string {
  const link = new URL(url);
  const target = new URL(origin);
  link.protocol = target.protocol;
  link.host = target.host;
  return link.href;
}
