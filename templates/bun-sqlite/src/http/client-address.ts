// Who the client is, for Better Auth's rate limits: the peer of the connection (the socket's address;
// on Workers, the CF-Connecting-IP the edge writes), unless that peer is a proxy named in
// TRUSTED_PROXIES: then the right-most X-Forwarded-For address that is not one of them. A header from
// any other peer is the client's own writing and is ignored, so rotating it never escapes a limit.
import proxyaddr from "proxy-addr";
import { ConfigError } from "../config/config-error.ts";

export type TrustedProxies = (address: string, hop: number) => boolean;

/** The one header Better Auth reads the address from (advanced.ipAddress): set here, never by a client. */
export const CLIENT_ADDRESS_HEADER = "x-authstack-client-address";

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (10.0.0.0/8, ::1). A malformed entry throws. */
export function trustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new ConfigError(
        `TRUSTED_PROXIES has a malformed entry "${entry}". List the addresses or CIDR ranges of your proxies, e.g. TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1.`,
      );
    }
  }
  return proxyaddr.compile(entries);
}

/** The client's address, or undefined when the peer is unknown (a request made in-process). */
export function clientAddress(peer: string | undefined, forwardedFor: string | null, trusted: TrustedProxies): string | undefined {
  if (!peer) return undefined;
  // proxy-addr reads a Node request; these are the only two fields it looks at.
  const request = { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {}, socket: { remoteAddress: peer }, connection: { remoteAddress: peer } };
  return proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trusted);
}

/** The request as Better Auth gets it: with the client's address in CLIENT_ADDRESS_HEADER, whatever was sent there. */
export function withClientAddress(request: Request, address: string | undefined): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  // Built from its parts: Bun's `new Request(request, { headers })` keeps a header deleted here.
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, body: request.body, redirect: request.redirect, signal: request.signal };
  if (request.body) init.duplex = "half";
  return new Request(request.url, init);
}
