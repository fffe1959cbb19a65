import { describe, expect, it } from "vitest";
import { exec } from "../../src/steps/exec.js";

const node = (script: string) => ["-e", script] as const;
const cwd = process.cwd();

describe("exec: every child process, through execa", () => {
  it("keeps stdout and stderr lines apart and multi-byte characters whole, however the chunks fall", async () => {
    const lines: string[] = [];
    const result = await exec(
      process.execPath,
      node(`
        const pause = () => new Promise((r) => setTimeout(r, 60));
        (async () => {
          process.stdout.write("out, first half ");
          await pause();
          process.stderr.write("a line on stderr\\n");
          await pause();
          process.stdout.write("second half\\n");
          await pause();
          process.stdout.write(Buffer.from([0xc3]));
          await pause();
          process.stdout.write(Buffer.from([0xa9, 0x0a]));
        })();`),
      { cwd, onLine: (line) => lines.push(line) },
    );
    expect(result.ok).toBe(true);
    expect(lines).toEqual(["a line on stderr", "out, first half second half", "é"]);
    expect(result.output).toContain("é");
  });

  it("passes arguments as they are, never through a shell", async () => {
    const tricky = `a "b" & c; $(echo d) 'e'`;
    const result = await exec(process.execPath, node("process.stdout.write(process.argv[1])").concat(tricky), { cwd });
    expect(result.output).toBe(tricky);
  });

  it("reports a command that is not on PATH as not found, and a failing one as failed", async () => {
    expect(await exec("no-such-command-authstack", [], { cwd })).toMatchObject({ ok: false, notFound: true, timedOut: false });
    expect(await exec(process.execPath, node("process.exit(3)"), { cwd })).toMatchObject({ ok: false, notFound: false, exitCode: 3 });
  });

  it("a probe that runs past its time is reported as timed out, and killed even when it ignores SIGTERM", async () => {
    const started = Date.now();
    const result = await exec(process.execPath, node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"), { cwd, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, timedOut: true, notFound: false, cancelled: false });
    // 300 ms, then SIGTERM (ignored), then SIGKILL 3 s later.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a cancel stops a child that ignores SIGTERM, and a process it left holding the pipes does not keep us waiting", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = exec("sh", ["-c", "trap '' TERM; (sleep 60 &); sleep 60"], { cwd, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const result = await running;
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("the force signal (a second Ctrl-C) kills at once", async () => {
    const controller = new AbortController();
    const force = new AbortController();
    const started = Date.now();
    const running = exec(process.execPath, node("process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"), { cwd, signal: controller.signal, forceSignal: force.signal });
    setTimeout(() => controller.abort(), 200);
    setTimeout(() => force.abort(), 400);
    const result = await running;
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(Date.now() - started).toBeLessThan(2500);
  });
});
