import { fileURLToPath } from "node:url";
import { parseArgs } from "./cli/args.js";
import { EXIT, exitCodeFor } from "./cli/exit-code.js";
import { renderHelp } from "./cli/help.js";
import type { CliContext } from "./cli/run.js";

declare const __VERSION__: string;

/** The entry: --help and --version answer before the rest of the CLI is even loaded; `add` is a command of its own. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "add") {
    const { runAdd } = await import("./add/run-add.js");
    return runAdd(argv.slice(1), context());
  }
  let flags;
  try {
    flags = parseArgs(argv);
  } catch (error) {
    // Reported like any other failure: JSON with --json, clack on a terminal, a plain line elsewhere.
    const { openReporter } = await import("./ui/open-reporter.js");
    const ui = await openReporter({ json: argv.includes("--json"), stdoutIsTTY: process.stdout.isTTY === true });
    ui.fail(error, exitCodeFor({ error }));
    return exitCodeFor({ error });
  }
  if (flags.help) {
    process.stdout.write(renderHelp());
    return exitCodeFor({ ok: true });
  }
  if (flags.version) {
    process.stdout.write(`${__VERSION__}\n`);
    return exitCodeFor({ ok: true });
  }
  const { runCli } = await import("./cli/run.js");
  return runCli(flags, context());
}

function context(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    // Getters: process.stdin is created on first use (~1.5 ms), and only a run that may prompt asks.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    get stdoutIsTTY() {
      return process.stdout.isTTY === true;
    },
    version: __VERSION__,
    nodeVersion: process.versions.node,
    // The build packs every template into dist/templates.br, beside this file.
    bundledRoot: fileURLToPath(new URL(".", import.meta.url)),
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // A cancelled run has said so and left nothing behind, but a download it started (giget takes no abort signal)
    // would keep the process waiting for the network: end now.
    if (code === EXIT.cancelled) process.exit();
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = exitCodeFor({ error });
  },
);
