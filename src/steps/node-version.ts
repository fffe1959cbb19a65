/**
 * Whether a Node version meets an `engines.node` range. Understands the forms templates use
 * (">=22", ">=20.19.0", "^20.19.0 || >=22.12.0"); anything else counts as met, since only a warning hangs on it.
 */
export function satisfiesNodeRange(version: string, range: string | undefined): boolean {
  if (!range) return true;
  const have = parse(version);
  if (!have) return true;
  return range.split("||").some((part) => {
    const comparators = part.trim().split(/\s+/).filter(Boolean);
    return comparators.every((c) => {
      const match = /^(>=|\^|~|>)?v?(\d+(?:\.\d+){0,2})$/.exec(c);
      if (!match) return true;
      const want = parse(match[2]!)!;
      const op = match[1] ?? "=";
      const cmp = compare(have, want);
      if (op === ">=") return cmp >= 0;
      if (op === ">") return cmp > 0;
      if (op === "^") return have[0] === want[0] && cmp >= 0;
      if (op === "~") return have[0] === want[0] && have[1] === want[1] && cmp >= 0;
      return have[0] === want[0];
    });
  });
}

function parse(version: string): [number, number, number] | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
