import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FailureError, UsageError } from "../../src/errors.js";
import { jsonReporter } from "../../src/ui/json.js";
import { plainReporter } from "../../src/ui/plain.js";
import type { RunResult } from "../../src/ui/result.js";
import { terminalReporter } from "../../src/ui/terminal.js";

const RESULT: RunResult = {
  directory: "my-app",
  targetDir: "/tmp/my-app",
  packageName: "my-app",
  plugins: [],
  template: "node-postgres",
  packageManager: "npm",
  installed: true,
  migrated: true,
  envFiles: [".env"],
  steps: [{ name: "install", status: "done", durationMs: 1200 }],
  notRun: [],
  next: ["cd my-app", "npm run dev"],
  reproduce: "npm create authstack@latest my-app -- --template node-postgres --pm npm --yes",
  warnings: [],
};

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  return { stream: new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) }), text: () => text };
}

/** What a call printed to process.stdout (clack's default output). */
function printed(draw: () => void): string {
  let text = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((text += String(chunk)), true));
  try {
    draw();
  } finally {
    spy.mockRestore();
  }
  return text;
}

const CLACK_GLYPHS = /[│┌└◇◆●▲■├╮╯]/;

describe("reporters", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("plain: lines for a log, in the words of the terminal, without clack's drawing", () => {
    const out = sink();
    const err = sink();
    const ui = plainReporter(out.stream, err.stream);
    ui.start("1.2.3");
    ui.written(99, "my-app", 120);
    const step = ui.step("install", "Installing dependencies with npm");
    step.line("added 300 packages");
    step.end({ name: "install", status: "done", durationMs: 1200 });
    ui.finish(RESULT, 0);
    ui.fail(new UsageError("Unknown option --bogus."), 2);
    expect(out.text()).not.toMatch(CLACK_GLYPHS);
    expect(out.text()).toBe(
      [
        "create-authstack v1.2.3",
        "Wrote 99 files to my-app (0.1s)",
        "Installing dependencies with npm…",
        "Installed dependencies (1.2s)",
        "",
        "Next steps",
        "  cd my-app",
        "  npm run dev",
        "",
        "To skip prompts next time, run:",
        `  ${RESULT.reproduce}`,
        "",
        "Done: npm run dev serves sign-up and sign-in.",
        "",
      ].join("\n"),
    );
    expect(err.text()).toBe("✖ Unknown option --bogus.\nRun create-authstack --help for the options.\n");
  });

  it("terminal: every line drawn by clack", () => {
    const err = sink();
    const ui = terminalReporter(err.stream as unknown as NodeJS.WriteStream);
    const text = printed(() => {
      ui.start("1.2.3");
      ui.written(99, "my-app", 120);
      ui.finish(RESULT, 0);
    });
    expect(text).toMatch(/^┌ {2}create-authstack v1\.2\.3\n│\n◆ {2}Wrote 99 files to my-app \(0\.1s\)\n/);
    expect(text).toMatch(/◇ {2}Next steps ─+╮\n│ +│\n│ {2}cd my-app +│/);
    expect(text).toMatch(/└ {2}Done: npm run dev serves sign-up and sign-in\.\n/);
    printed(() => ui.fail(new FailureError("Could not download the template gh:o/r: 404", "Check the source."), 1));
    expect(err.text()).toMatch(/■ {2}Could not download the template gh:o\/r: 404\n│ {2}Check the source\./);
  });

  it("json: one object a line, the last the result", () => {
    const out = sink();
    const ui = jsonReporter(out.stream);
    ui.start("1.2.3");
    ui.finish(RESULT, 0);
    const lines = out.text().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(["start", "result"]);
    expect(lines.at(-1)).toMatchObject({ ok: true, exitCode: 0, directory: "my-app" });
  });
});
