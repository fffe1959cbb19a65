import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** A real terminal for the CLI: a private tmux server, keys in, screen out. */
export class Terminal {
  private readonly socket = `authstack-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly exitFile: string;
  readonly pidFile: string;

  constructor(
    private readonly dir: string,
    command: string[],
  ) {
    this.exitFile = path.join(dir, ".exit-code");
    this.pidFile = path.join(dir, ".pid");
    const quoted = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    // exec keeps the pid, so a test can send the CLI a real SIGINT; CI must not leak in, or it never prompts.
    const script = `cd '${dir}' && (sh -c 'echo $$ > "${this.pidFile}"; exec env -u CI -u npm_config_user_agent NO_COLOR=1 ${quoted.replace(/'/g, `'\\''`)}'; echo $? > "${this.exitFile}"); sleep 600`;
    this.tmux("new-session", "-d", "-s", "main", "-x", "250", "-y", "50", script);
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  screen(): string {
    return this.tmux("capture-pane", "-p", "-S", "-200", "-t", "main");
  }

  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", "main", ...keys);
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === "string" ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${text}. Screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async exitCode(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, "utf8").trim() === "") {
      if (Date.now() > deadline) throw new Error(`The CLI did not exit. Screen:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return Number(readFileSync(this.exitFile, "utf8").trim());
  }

  pid(): number {
    return Number(readFileSync(this.pidFile, "utf8").trim());
  }

  close(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
  }
}
