import { OPTIONS } from "./option-table.js";
import { BUNDLED_TEMPLATES } from "../templates/catalog.js";

const USAGE = `Create a TypeScript app with Better Auth, Drizzle and a migrated database.

Usage:
  npm create authstack@latest [directory] -- [options]
  pnpm create authstack [directory] [options]
  yarn create authstack [directory] [options]
  bun create authstack [directory] [options]
  npx create-authstack [directory] [options]

Inside a project it made, add plugins later (create-authstack add --help):
  npm create authstack@latest -- add <plugin…> [--dry-run] [--force]`;

const EXIT_CODES = `Exit codes:
  0 created (and installed/migrated when asked)   1 failed, nothing left behind
  2 usage error   3 created, but install or migrate failed   130 cancelled`;

/** --help, rendered from the option table so it can never disagree with the parser. */
export function renderHelp(): string {
  const rows = OPTIONS.map((option) => {
    const names = [
      option.short ? `-${option.short}, ` : "    ",
      `--${option.name}`,
      ...(option.aliases ?? []).map((alias) => `, --${alias}`),
      option.negatable ? `, --no-${option.name}` : "",
      option.value ? ` ${option.value}` : "",
    ].join("");
    return [names, option.description] as const;
  });
  const width = Math.max(...rows.map(([names]) => names.length)) + 2;
  const options = rows.map(([names, description]) => `  ${names.padEnd(width)}${description}`).join("\n");
  const idWidth = Math.max(...BUNDLED_TEMPLATES.map((t) => t.id.length)) + 2;
  const templates = BUNDLED_TEMPLATES.map((t) => `  ${t.id.padEnd(idWidth)}${t.title}: ${t.hint}`).join("\n");
  return `${USAGE}\n\nOptions:\n${options}\n\nTemplates:\n${templates}\n\n${EXIT_CODES}\n`;
}
