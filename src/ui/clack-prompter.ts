import * as clack from "../vendor/clack.js";
import { paint } from "./colors.js";
import { CancelledError } from "../errors.js";
import * as log from "./log.js";
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
    answered(message, value) {
      log.step(`${message}\n${paint("dim", value)}`);
    },
  };
}
