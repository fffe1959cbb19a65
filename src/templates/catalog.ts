import path from "node:path";

export type TemplateInfo = { id: string; title: string; hint: string };

declare const __BUNDLED_TEMPLATES__: readonly TemplateInfo[];

/** Read from each `templates/<id>/template.json` at build time, so --help and prompts touch no files. */
export const BUNDLED_TEMPLATES: readonly TemplateInfo[] = __BUNDLED_TEMPLATES__;
export const DEFAULT_TEMPLATE = "node-postgres";

export type TemplateSource =
  | { kind: "bundled"; id: string }
  | { kind: "remote"; input: string }
  | { kind: "local"; path: string };

export function describeTemplate(source: TemplateSource): string {
  return source.kind === "bundled" ? source.id : source.kind === "remote" ? source.input : source.path;
}

/** The template as authstack.json records it: a local folder by its name only, not where it is on this machine. */
export function recordedTemplate(source: TemplateSource): string {
  return source.kind === "local" ? path.basename(source.path) : describeTemplate(source);
}
