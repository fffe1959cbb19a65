// Adds plugins to a project's source by its syntax: Babel's parser finds the array to extend and the imports, and
// the new lines go in at those positions. Nothing else in the file is reprinted, so a user's own edits elsewhere
// stay exactly as they were. Two files take plugins: src/auth.ts (`plugins: [organization(...), ...]`) and
// src/pages/plugins.ts (`PAGE_PLUGINS = [...]`, the plugins' pages). Plain JavaScript: `add` uses it (the build
// gives the parser a file of its own, loaded only then), and so does the generator of the sets, unbuilt.
import { parse } from "@babel/parser";
import { PLUGINS } from "./specs.mjs";

const byId = new Map(PLUGINS.map((plugin) => [plugin.id, plugin]));
const rank = (id) => PLUGINS.findIndex((plugin) => plugin.id === id);
const calleeOf = (entry) => entry.slice(0, entry.indexOf("(")) || entry;

export class AuthConfigError extends Error {}

/** What each file's array is and what a plugin puts in it. */
const TARGETS = {
  auth: {
    file: "src/auth.ts",
    what: "`plugins: [organization(...), ...]`",
    find: (node) =>
      node.type === "ObjectProperty" &&
      (node.key?.name ?? node.key?.value) === "plugins" &&
      node.value?.type === "ArrayExpression" &&
      node.value.elements.some((element) => element?.type === "CallExpression" && element.callee?.name === "organization")
        ? node.value
        : undefined,
    spec: (plugin) => plugin,
    // twoFactor(...) is "two-factor"
    idOf: (element) => (element?.type === "CallExpression" ? idByName.auth.get(element.callee?.name) : undefined),
  },
  pages: {
    file: "src/pages/plugins.ts",
    what: "`PAGE_PLUGINS = [...]`",
    find: (node) =>
      node.type === "VariableDeclarator" && node.id?.name === "PAGE_PLUGINS" && node.init?.type === "ArrayExpression" ? node.init : undefined,
    spec: (plugin) => plugin.pages,
    idOf: (element) => (element?.type === "Identifier" ? idByName.pages.get(element.name) : undefined),
  },
};
const idByName = {
  auth: new Map(PLUGINS.map((plugin) => [calleeOf(plugin.entry), plugin.id])),
  pages: new Map(PLUGINS.map((plugin) => [plugin.pages.entry, plugin.id])),
};

/** src/auth.ts with the plugins added: their imports among the imports, their entries in the fixed order. */
export const addPlugins = (source, ids) => addTo("auth", source, ids);

/** src/pages/plugins.ts with the plugins' pages added. */
export const addPluginPages = (source, ids) => addTo("pages", source, ids);

/** The ids of the plugins of ours that a src/auth.ts already configures. */
export function configuredPlugins(source) {
  return findArray(TARGETS.auth, parseModule(source, TARGETS.auth.file)).elements.map(TARGETS.auth.idOf).filter(Boolean);
}

function addTo(kind, source, ids) {
  let code = source;
  for (const id of ids) code = addOne(TARGETS[kind], code, id);
  return code;
}

function addOne(target, source, id) {
  const plugin = byId.get(id);
  if (!plugin) throw new AuthConfigError(`Unknown plugin "${id}".`);
  const program = parseModule(source, target.file);
  const list = findArray(target, program);
  if (list.elements.some((element) => target.idOf(element) === id)) throw new AuthConfigError(`${target.file} already has the ${id} plugin.`);
  const spec = target.spec(plugin);
  const edits = [entryEdit(source, list, target, id, spec.entry, target === TARGETS.auth ? plugin.comment : undefined)];
  for (const wanted of spec.imports) edits.push(importEdit(source, program, wanted));
  // From the end of the file backwards, so each position is still where the parser saw it.
  return edits
    .filter(Boolean)
    .sort((a, b) => b.at - a.at)
    .reduce((code, edit) => code.slice(0, edit.at) + edit.text + code.slice(edit.at + (edit.replace ?? 0)), source);
}

function parseModule(source, file) {
  try {
    return parse(source, { sourceType: "module", plugins: ["typescript", "jsx"] }).program;
  } catch (error) {
    throw new AuthConfigError(`${file} does not parse: ${error.message}`);
  }
}

/** The entry, commented when it has a comment, on lines of its own: before the first entry that comes after it, else last. */
function entryEdit(source, list, target, id, entry, comment) {
  const elements = list.elements.filter(Boolean);
  if (elements.length === 0) {
    // `[]` becomes a list of one, indented one step past the line it is on.
    const indent = `${indentOf(source, list.start)}  `;
    const lines = `${comment ? `${indent}// ${comment}\n` : ""}${indent}${entry},\n`;
    return { at: list.start + 1, text: `\n${lines}${indentOf(source, list.start)}`, replace: list.end - list.start - 2 };
  }
  const indent = indentOf(source, elements[0].start);
  const lines = `${comment ? `${indent}// ${comment}\n` : ""}${indent}${entry},\n`;
  const next = elements.find((element) => {
    const other = target.idOf(element);
    return other !== undefined && rank(other) > rank(id);
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

function findArray(target, program) {
  let found;
  const visit = (node) => {
    if (found || !node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    found = target.find(node);
    if (found) return;
    for (const [key, value] of Object.entries(node)) if (!["loc", "leadingComments", "trailingComments", "innerComments", "extra"].includes(key)) visit(value);
  };
  visit(program);
  if (!found) throw new AuthConfigError(`${target.file} has no ${target.what} to add to.`);
  return found;
}

/** Packages before relative paths, each alphabetical: how the templates order their imports. */
const orderKey = (from) => `${from.startsWith(".") ? 1 : 0}${from}`;
const lineStart = (source, at) => source.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (source, at) => {
  const end = source.indexOf("\n", at);
  return end === -1 ? source.length : end;
};
const indentOf = (source, at) => /^[ \t]*/.exec(source.slice(lineStart(source, at)))[0];
