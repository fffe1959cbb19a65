import type { Reporter } from "./reporter.js";

/**
 * The reporter for this run. Only a terminal gets clack's drawing, so only a terminal run loads it (and with it
 * the clack chunk); CI logs, pipes and --json get lines that read well where they land.
 */
export async function openReporter(options: { json: boolean; stdoutIsTTY: boolean }): Promise<Reporter> {
  if (options.json) return (await import("./json.js")).jsonReporter(process.stdout);
  if (options.stdoutIsTTY) return (await import("./terminal.js")).terminalReporter(process.stderr);
  return (await import("./plain.js")).plainReporter(process.stdout, process.stderr);
}
