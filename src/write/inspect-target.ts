import { readdirSync, statSync } from "node:fs";

/** What is at the target path now, for the directory question. */
export type TargetState =
  | { kind: "missing" }
  | { kind: "empty" }
  | { kind: "file" }
  | { kind: "non-empty"; entries: readonly string[] };

/** What is at the target path now. A folder holding only .git counts as empty, like create-vite. */
export function inspectTarget(absolutePath: string): TargetState {
  let info;
  try {
    info = statSync(absolutePath);
  } catch {
    return { kind: "missing" };
  }
  if (!info.isDirectory()) return { kind: "file" };
  const entries = readdirSync(absolutePath).filter((name) => name !== ".git").sort();
  return entries.length === 0 ? { kind: "empty" } : { kind: "non-empty", entries };
}
