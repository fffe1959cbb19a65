import { stripVTControlCharacters } from "node:util";
import { paint } from "./colors.js";

/**
 * The lines clack prints around its prompts (intro, log.*, note, outro), drawn the same way without loading clack:
 * a run that never prompts, like every run with --yes or in CI, never needs the prompt library.
 */
const unicode =
  process.platform !== "win32"
    ? process.env.TERM !== "linux"
    : Boolean(process.env.CI || process.env.WT_SESSION || process.env.TERM_PROGRAM === "vscode" || process.env.TERM === "xterm-256color");
const glyph = (fancy: string, plain: string) => (unicode ? fancy : plain);

const S = {
  barStart: glyph("┌", "T"),
  bar: glyph("│", "|"),
  barEnd: glyph("└", "—"),
  barH: glyph("─", "-"),
  cornerTopRight: glyph("╮", "+"),
  cornerBottomRight: glyph("╯", "+"),
  connectLeft: glyph("├", "+"),
  submit: glyph("◇", "o"),
  info: glyph("●", "•"),
  success: glyph("◆", "*"),
  warn: glyph("▲", "!"),
  error: glyph("■", "x"),
};

const write = (text: string) => process.stdout.write(text);

export function intro(title: string): void {
  write(`${paint("gray", S.barStart)}  ${title}\n`);
}

export function outro(text: string): void {
  write(`${paint("gray", S.bar)}\n${paint("gray", S.barEnd)}  ${text}\n\n`);
}

export function cancel(text: string): void {
  write(`${paint("gray", S.barEnd)}  ${paint("red", text)}\n\n`);
}

/** One message under a symbol, continued lines on the bar, a bar line above it. */
export function message(text: string, symbol = paint("gray", S.bar)): void {
  const [first = "", ...rest] = text.split("\n");
  const bar = paint("gray", S.bar);
  const lines = [bar, first ? `${symbol}  ${first}` : symbol, ...rest.map((line) => (line ? `${bar}  ${line}` : bar))];
  write(`${lines.join("\n")}\n`);
}

export const info = (text: string) => message(text, paint("blue", S.info));
export const success = (text: string) => message(text, paint("green", S.success));
export const step = (text: string) => message(text, paint("green", S.submit));
export const warn = (text: string) => message(text, paint("yellow", S.warn));
export const error = (text: string) => message(text, paint("red", S.error));

/** A titled box around some lines, as clack's note draws it (lines are not wrapped). */
export function note(text: string, title: string): void {
  const width = (s: string) => [...stripVTControlCharacters(s)].length;
  const lines = ["", ...text.split("\n"), ""];
  const inner = Math.max(width(title), ...lines.map(width)) + 2;
  const bar = paint("gray", S.bar);
  const rows = lines.map((line) => `${bar}  ${line}${" ".repeat(inner - width(line))}${bar}`);
  write(
    `${bar}\n${paint("green", S.submit)}  ${title} ${paint("gray", S.barH.repeat(Math.max(inner - width(title) - 1, 1)) + S.cornerTopRight)}\n` +
      `${rows.join("\n")}\n${paint("gray", S.connectLeft + S.barH.repeat(inner + 2) + S.cornerBottomRight)}\n`,
  );
}
