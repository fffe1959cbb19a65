import { isPackageManager, PACKAGE_MANAGERS } from "../plan/package-manager.js";
import { BUNDLED_TEMPLATES, type TemplateSource } from "../templates/catalog.js";
import { didYouMean } from "./suggest.js";

// Each validator returns an error message, or undefined when the value is fine. Flags and prompts share them.

const INVALID_CHARS = /[<>:"|?*\u0000-\u001f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function validateDirectory(input: string): string | undefined {
  const value = input.trim();
  if (value === "") return "Enter a directory name, or . for the current directory.";
  const segments = value.split(/[/\\]+/).filter((s) => s !== "");
  const withoutDrive = /^[A-Za-z]:[/\\]/.test(value) ? value.slice(2) : value;
  const bad = withoutDrive.match(INVALID_CHARS);
  if (bad) {
    const shown = bad[0] < " " ? `a control character (code ${bad[0].charCodeAt(0)})` : `"${bad[0]}"`;
    return `"${value}" contains ${shown}, which is not allowed in a file name.`;
  }
  const reserved = segments.find((s) => RESERVED.test(s));
  if (reserved) return `"${reserved}" is a reserved file name on Windows; choose another name.`;
  if (segments.some((s) => / $/.test(s) || (/\.$/.test(s) && !/^\.{1,2}$/.test(s)))) {
    return `"${value}" has a name ending in a space or a dot; choose another name.`;
  }
  return undefined;
}

export function validatePackageManager(input: string): string | undefined {
  if (isPackageManager(input)) return undefined;
  return `Unknown package manager "${input}".${didYouMean(input, PACKAGE_MANAGERS)} Choose one of ${PACKAGE_MANAGERS.join(", ")}.`;
}

export function validateDatabaseUrl(input: string): string | undefined {
  const value = input.trim();
  if (value === "") return "Enter a PostgreSQL URL, such as postgresql://user:password@host:5432/database.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${redactUrl(value)}" is not a URL. Use postgresql://user:password@host:5432/database.`;
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    return `The database URL must start with postgresql:// (got ${url.protocol}//).`;
  }
  if (!url.hostname && !url.searchParams.get("host")) return "The database URL has no host.";
  return undefined;
}

/** Hides the password of a URL for messages and logs. */
export function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@/]*@/, "$1***@");
}

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
