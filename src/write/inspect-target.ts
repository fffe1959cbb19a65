import { readdirSync, statSync } from "node:fs";
import type { TargetState } from "../cli/resolve.js";

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
