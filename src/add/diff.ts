// The changes of `add --dry-run` as one unified diff, the way `git diff` shows them (jsdiff makes each file's).
import { createTwoFilesPatch } from "diff";
import type { FileChange } from "./plan-add.js";

export function renderDiff(changes: readonly FileChange[]): string {
  return changes
    .map((change) => {
      const from = change.before === undefined ? "/dev/null" : `a/${change.path}`;
      const patch = createTwoFilesPatch(from, `b/${change.path}`, change.before ?? "", change.after, undefined, undefined, { context: 3 });
      // jsdiff puts a line of "=" above each file's header; git's diff starts at "---".
      return patch.slice(patch.indexOf("---"));
    })
    .join("")
    .trimEnd();
}
