export const DEFAULT_PACKAGE_NAME = "authstack-app";

/** A valid npm package name from a directory's base name: "My App" → "my-app". */
export function toPackageName(base: string): string {
  const name = base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // "Ünïcode" → "Unicode"
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9._~-]+/g, "-")
    .replace(/^[._-]+/, "")
    .replace(/-{2,}/g, "-")
    .replace(/[-.]+$/, "")
    .slice(0, 214);
  return name || DEFAULT_PACKAGE_NAME;
}

/** A valid Cloudflare Worker (and D1 database) name: lowercase letters, digits and dashes, at most 63. */
export function toWorkerName(packageName: string): string {
  const name = packageName
    .replace(/^@[^/]+\//, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return name || DEFAULT_PACKAGE_NAME;
}
