import type { TestProject } from "vitest/node";
import { ensureTools } from "./tools.js";

declare module "vitest" {
  export interface ProvidedContext {
    tools: { bin: string; node22: string; bun: string };
  }
}

export default function setup(project: TestProject) {
  project.provide("tools", ensureTools());
}
