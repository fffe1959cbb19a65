// Adds plugins to a src/auth.ts by its syntax: Babel's parser finds the `plugins: [...]` array and the imports, and
// the new lines go in at those positions. Nothing else in the file is reprinted, so a user's own edits elsewhere
// stay exactly as they were.
import { parse } from "@babel/parser";
import { PLUGINS } from "./plugins.mjs";

const byId = new Map(PLUGINS.map((plugin) => [plugin.id, plugin]));
/** The plugin an entry of `plugins: [...]` is, by the function it calls: twoFactor(...) is "two-factor". */
const idOfCallee = new Map(PLUGINS.map((plugin) => [plugin.entry.slice(0, plugin.entry.indexOf("(")), plugin.id]));
const rank = (id) => PLUGINS.findIndex((plugin) => plugin.id === id);

export class AuthConfigError extends Error {}

/** src/auth.ts with the plugins added: their imports among the imports, their entries in the fixed order. */
export function addPlugins(source, ids) {
  let code = source;
  for (const id of ids) code = addPlugin(code, id);
  return code;
}

/** The ids of the plugins of ours that a src/auth.ts already configures. */
export function configuredPlugins(source) {
  return pluginsArray(parseModule(source)).elements.map(entryId).filter(Boolean);
}

function addPlugin(source, id) {
  const plugin = byId.get(id);
  if (!plugin) throw new AuthConfigError(`Unknown plugin "${id}".`);
  const program = parseModule(source);
  const list = pluginsArray(program);
  if (list.elements.some((element) => entryId(element) === id)) throw new AuthConfigError(`src/auth.ts already has the ${id} plugin.`);

  const edits = [entryEdit(source, list, plugin)];
  for (const wanted of plugin.imports) edits.push(importEdit(source, program, wanted));
  // From the end of the file backwards, so each position is still where the parser saw it.
  return edits
    .filter(Boolean)
    .sort((a, b) => b.at - a.at)
    .reduce((code, edit) => code.slice(0, edit.at) + edit.text + code.slice(edit.at), source);
}

function parseModule(source) {
  try {
    return parse(source, { sourceType: "module", plugins: ["typescript"] }).program;
  } catch (error) {
    throw new AuthConfigError(`src/auth.ts does not parse: ${error.message}`);
  }
}

/** The plugin's entry, commented, on lines of its own: before the first entry that comes after it, else last. */
function entryEdit(source, list, plugin) {
  const elements = list.elements.filter(Boolean);
  const indent = indentOf(source, elements[0].start);
  const lines = `${indent}// ${plugin.comment}\n${indent}${plugin.entry},\n`;
  const next = elements.find((element) => {
    const other = entryId(element);
    return other !== undefined && rank(other) > rank(plugin.id);
  });
  if (next) return { at: lineStart(source, next.leadingComments?.[0]?.start ?? next.start), text: lines };
  const last = elements.at(-1);
  const comma = source.slice(last.end, list.end).indexOf(",");
  if (comma === -1) return { at: last.end, text: `,\n${lines.slice(0, -2)}` };
  return { at: lineEnd(source, last.end + comma) + 1, text: lines };
}

/** One named import: into an import of the same module, else on a new line where the sorted order puts it. */
function importEdit(source, program, { from, name }) {
  const imports = program.body.filter((node) => node.type === "ImportDeclaration");
  const same = imports.find((node) => node.source.value === from && node.importKind !== "type" && node.specifiers.every((s) => s.type === "ImportSpecifier"));
  if (same) {
    if (same.specifiers.some((s) => s.local.name === name)) return undefined;
    return { at: same.specifiers.at(-1).end, text: `, ${name}` };
  }
  const line = `import { ${name} } from ${JSON.stringify(from)};\n`;
  const next = imports.find((node) => orderKey(node.source.value) > orderKey(from));
  if (next) return { at: lineStart(source, next.start), text: line };
  return imports.length ? { at: lineEnd(source, imports.at(-1).end) + 1, text: line } : { at: 0, text: line };
}

/** The `plugins: [...]` that holds organization(...): the template's own plugins come first in it. */
function pluginsArray(program) {
  let found;
  const visit = (node) => {
    if (found || !node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (
      node.type === "ObjectProperty" &&
      (node.key?.name ?? node.key?.value) === "plugins" &&
      node.value?.type === "ArrayExpression" &&
      node.value.elements.some((element) => element?.type === "CallExpression" && element.callee?.name === "organization")
    ) {
      found = node.value;
      return;
    }
    for (const [key, value] of Object.entries(node)) if (!["loc", "leadingComments", "trailingComments", "innerComments", "extra"].includes(key)) visit(value);
  };
  visit(program);
  if (!found) throw new AuthConfigError("src/auth.ts has no `plugins: [organization(...), ...]` to add to.");
  return found;
}

function entryId(element) {
  return element?.type === "CallExpression" ? idOfCallee.get(element.callee?.name) : undefined;
}

/** Packages before relative paths, each alphabetical: how the templates order their imports. */
const orderKey = (from) => `${from.startsWith(".") ? 1 : 0}${from}`;
const lineStart = (source, at) => source.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (source, at) => {
  const end = source.indexOf("\n", at);
  return end === -1 ? source.length : end;
};
const indentOf = (source, at) => /^[ \t]*/.exec(source.slice(lineStart(source, at)))[0];
