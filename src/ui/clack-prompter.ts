import pc from "picocolors";
import { CancelledError } from "../errors.js";
import * as clack from "../vendor/clack.js";
import type { Prompter } from "./prompter.js";

/** Check isCancel before using any answer: a cancel value is truthy. */
function answered<T>(value: T): Exclude<T, symbol> {
  if (clack.isCancel(value)) throw new CancelledError();
  return value as Exclude<T, symbol>;
}

/** Prompts through clack; a SIGINT sent to the process (not typed) cancels the open prompt through `signal`. */
export function clackPrompter(signal: AbortSignal): Prompter {
  return {
    async text({ validate, ...rest }) {
      return answered(await clack.text({ ...rest, signal, validate: validate && ((value) => validate(value ?? "")) }));
    },
    async select(options) {
      return answered(await clack.select({ ...options, signal } as clack.SelectOptions<string>)) as never;
    },
    async confirm(options) {
      return answered(await clack.confirm({ ...options, signal }));
    },
    async multiselect(options) {
      // required: false, so Enter with nothing chosen is an answer (none), not an error.
      return answered(await clack.multiselect({ ...options, required: false, signal } as clack.MultiSelectOptions<string>)) as never;
    },
    answered(message, value) {
      // Where the prompt would have been, drawn as clack draws a submitted answer.
      clack.log.step(`${message}\n${pc.dim(value)}`);
    },
  };
}
