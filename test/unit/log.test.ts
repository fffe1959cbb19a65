import { Writable } from "node:stream";
import * as clack from "@clack/prompts";
import { afterEach, describe, expect, it, vi } from "vitest";
import { colorsOn } from "../../src/ui/colors.js";
import * as log from "../../src/ui/log.js";

/** What one call printed to stdout, through our log or through clack (given an output stream). */
function printed(draw: (output: Writable) => void): string {
  let text = "";
  const output = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((text += String(chunk)), true));
  try {
    draw(output);
  } finally {
    spy.mockRestore();
  }
  return text;
}

describe("log: clack's lines, drawn without clack", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("draws every kind of line as clack does", () => {
    vi.stubEnv("NO_COLOR", "1");
    const text = "Wrote 12 files to my-app\nsecond line\n\nafter a blank";
    const pairs: [string, () => void, (output: Writable) => void][] = [
      ["intro", () => log.intro("create-authstack v1"), (output) => clack.intro("create-authstack v1", { output })],
      ["outro", () => log.outro("Done."), (output) => clack.outro("Done.", { output })],
      ["cancel", () => log.cancel("Cancelled."), (output) => clack.cancel("Cancelled.", { output })],
      ["message", () => log.message(text), (output) => clack.log.message(text, { output })],
      ["info", () => log.info(text), (output) => clack.log.info(text, { output })],
      ["success", () => log.success(text), (output) => clack.log.success(text, { output })],
      ["step", () => log.step(text), (output) => clack.log.step(text, { output })],
      ["warn", () => log.warn(text), (output) => clack.log.warn(text, { output })],
      ["error", () => log.error(text), (output) => clack.log.error(text, { output })],
      ["note", () => log.note("cd my-app\nnpm run dev", "Next steps"), (output) => clack.note("cd my-app\nnpm run dev", "Next steps", { output })],
      ["note, title wider", () => log.note("a", "A much longer title"), (output) => clack.note("a", "A much longer title", { output })],
    ];
    for (const [name, ours, theirs] of pairs) expect(printed(ours), name).toBe(printed(theirs));
  });
});

describe("colorsOn", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it("colours a terminal, not a pipe or TERM=dumb", () => {
    expect(colorsOn(tty, {})).toBe(true);
    expect(colorsOn(pipe, {})).toBe(false);
    expect(colorsOn(tty, { TERM: "dumb" })).toBe(false);
  });
  it("lets NO_COLOR turn colours off and FORCE_COLOR on", () => {
    expect(colorsOn(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colorsOn(tty, { NO_COLOR: "" })).toBe(true);
    expect(colorsOn(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorsOn(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorsOn(pipe, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
  });
});
