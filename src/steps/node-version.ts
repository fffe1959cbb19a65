import { coerce, minVersion, satisfies, validRange } from "../vendor/semver.js";

/**
 * Whether a Node (or Bun) version meets an `engines` range, read by semver as npm reads it. A range semver cannot
 * read counts as met: nothing but a preflight message hangs on it.
 */
export function satisfiesNodeRange(version: string, range: string | undefined): boolean {
  if (!range || !validRange(range)) return true;
  const have = coerce(version);
  return !have || satisfies(have, range);
}

/** ">=22.18.0" → "22.18.0": the first version a range lets in, for a message. */
export function lowestVersion(range: string): string {
  return (validRange(range) && minVersion(range)?.version) || range;
}
