import { CancelledError } from "../../src/errors.js";
import type { Prompter } from "../../src/ui/prompter.js";

/** Answers prompts from a script, in order, recording each question; "CANCEL" acts like Esc. */
export function fakePrompter(answers: Array<string | boolean>) {
  const asked: string[] = [];
  const shown: Array<[string, string]> = [];
  const next = (message: string, validate?: (value: string) => string | undefined) => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`No scripted answer for "${message}"`);
    const answer = answers.shift()!;
    if (answer === "CANCEL") throw new CancelledError();
    if (validate && typeof answer === "string") {
      const error = validate(answer);
      if (error) throw new Error(`validation refused ${JSON.stringify(answer)}: ${error}`);
    }
    return answer;
  };
  const prompter: Prompter = {
    async text({ message, validate, defaultValue }) {
      const answer = next(message, validate) as string;
      return answer === "" && defaultValue !== undefined ? defaultValue : answer;
    },
    async select({ message }) {
      return next(message) as never;
    },
    async confirm({ message }) {
      return next(message) as boolean;
    },
    async multiselect({ message }) {
      const answer = next(message) as string;
      return (answer === "" ? [] : answer.split(",")) as never;
    },
    answered(message, value) {
      shown.push([message, value]);
    },
  };
  return { prompter, asked, shown, remaining: answers };
}
