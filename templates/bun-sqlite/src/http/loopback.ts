// Loopback means this machine: 127.0.0.0/8, ::1, and IPv4 loopback as a dual-stack socket reports
// it (::ffff:127.x.x.x). Anything else, a missing address included, is someone else.
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.toLowerCase().replace(/^\[|\]$/g, "");
  if (ip === "::1" || ip === "0:0:0:0:0:0:0:1") return true;
  const v4 = ip.startsWith("::ffff:") ? ip.slice("::ffff:".length) : ip;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}

/** Headers only a proxy adds: a request that carries one came from elsewhere, whatever the socket says. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

export function isForwarded(headers: Headers): boolean {
  return FORWARDING_HEADERS.some((name) => headers.has(name));
}
