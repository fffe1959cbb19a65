/** The few ANSI styles the CLI uses, as [on, off] codes. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

export type Color = keyof typeof CODES;

/**
 * Whether text written to a stream gets colours: NO_COLOR (non-empty) turns them off, FORCE_COLOR on (unless "0"),
 * otherwise only a terminal that is not TERM=dumb gets them. The same rule for clack-free lines and ours.
 */
export function colorsOn(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** Text in a style, for the stream it goes to (stdout unless given). */
export function paint(color: Color, text: string, stream: { isTTY?: boolean } = process.stdout): string {
  if (!colorsOn(stream)) return text;
  const [on, off] = CODES[color];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}
