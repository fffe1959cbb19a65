// Loopback means this machine: 127.0.0.0/8, ::1, and IPv4 loopback as a dual-stack socket reports
// it (::ffff:127.x.x.x). Anything else, a missing address included, is someone else.
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.toLowerCase().replace(/^\[|\]$/g, "");
  if (ip === "::1" || ip === "0:0:0:0:0:0:0:1") return true;
  const v4 = ip.startsWith("::ffff:") ? ip.slice("::ffff:".length) : ip;
  return /^127(\.\d{1,3}){3}$/.test(v4);
}
