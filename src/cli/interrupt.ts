import { CancelledError } from "../errors.js";

/**
 * Ctrl-C (SIGINT) and SIGTERM. Before the files are in place the first one cancels the whole run (nothing is left
 * behind); after that it stops only the running step, and the summary says what is left. A second one kills the
 * running step at once and ends the process. (SIGHUP, a closed terminal, ends the process as its default; execa's
 * cleanup stops the running step then.)
 */
export class Interrupt {
  private readonly controller = new AbortController();
  private readonly forceController = new AbortController();
  /** aborted by the first Ctrl-C */
  readonly signal = this.controller.signal;
  /** aborted by the second: kill without waiting */
  readonly forceSignal = this.forceController.signal;
  private readonly onSignal = (name: NodeJS.Signals) => {
    if (!this.signal.aborted) {
      this.controller.abort(new CancelledError());
      return;
    }
    this.forceController.abort(new CancelledError());
    this.dispose();
    process.kill(process.pid, name);
  };

  constructor() {
    process.on("SIGINT", this.onSignal);
    process.on("SIGTERM", this.onSignal);
  }

  dispose(): void {
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
  }
}
