// @clack/prompts: every prompt and every line drawn on a terminal. Its own file in the build (dist/clack.cjs),
// required on the first line drawn on a terminal: a run in CI, in a pipe or with --json never compiles it.
export { cancel, confirm, intro, isCancel, log, type MultiSelectOptions, multiselect, note, outro, type SelectOptions, select, taskLog, text } from "@clack/prompts";
