import type { TestProject } from "vitest/node";
import { ensureTools, type Tools } from "./tools.js";

declare module "vitest" {
  export interface ProvidedContext {
    tools: Tools;
  }
}

export default function setup(project: TestProject) {
  project.provide("tools", ensureTools());
}
