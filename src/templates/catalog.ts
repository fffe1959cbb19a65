import { didYouMean } from "../cli/suggest.js";

export type TemplateInfo = { id: string; title: string; hint: string };

declare const __BUNDLED_TEMPLATES__: readonly TemplateInfo[];

/** Read from each `templates/<id>/template.json` at build time, so --help and prompts touch no files. */
export const BUNDLED_TEMPLATES: readonly TemplateInfo[] = __BUNDLED_TEMPLATES__;
export const DEFAULT_TEMPLATE = "node-postgres";

export type TemplateSource =
  | { kind: "bundled"; id: string }
  | { kind: "remote"; input: string }
  | { kind: "local"; path: string };

const REMOTE = /^(gh|github|gitlab|bitbucket|sourcehut):[\w.-]+\/[\w.-]+(\/[^#\s]+)*\/?(#[^\s]+)?$/;
const REMOTE_PREFIX = /^(gh|github|gitlab|bitbucket|sourcehut):/;
const LOCAL = /^(\.{1,2}([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/;

/** Validates a --template value like a typed answer: a bundled id, a giget source, or a local path. */
export function parseTemplateSource(value: string): TemplateSource | { error: string } {
  const input = value.trim();
  if (BUNDLED_TEMPLATES.some((t) => t.id === input)) return { kind: "bundled", id: input };
  if (REMOTE.test(input)) return { kind: "remote", input };
  if (REMOTE_PREFIX.test(input)) {
    return { error: `"${input}" is not a remote template: use gh:owner/repo[/subdir][#ref].` };
  }
  if (LOCAL.test(input)) return { kind: "local", path: input };
  const ids = BUNDLED_TEMPLATES.map((t) => t.id);
  const shorthand = /^[\w.-]+\/[\w.-]+/.test(input) ? ` For GitHub write gh:${input}; for a folder ./${input}.` : "";
  return {
    error: `Unknown template "${input}".${didYouMean(input, ids)}${shorthand} Choose one of ${ids.join(", ")}, a gh:owner/repo source or a ./path.`,
  };
}

export function describeTemplate(source: TemplateSource): string {
  return source.kind === "bundled" ? source.id : source.kind === "remote" ? source.input : source.path;
}
