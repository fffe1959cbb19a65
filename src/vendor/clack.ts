// The part of clack this CLI uses: its prompts and live task log. The build makes this a file of its own
// (dist/clack.cjs), required only by a run that prompts or shows a live step; every other run never compiles it.
export { confirm, isCancel, type SelectOptions, select, taskLog, text } from "@clack/prompts";
