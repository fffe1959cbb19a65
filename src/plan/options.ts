import type { TemplateSource } from "../templates/catalog.js";
import type { DetectedPackageManager } from "./package-manager.js";
import type { PluginId } from "./plugins.js";

/** Every answer of a run, decided (flag, prompt or default) and validated: what planning and the steps work from. */
export type ResolvedOptions = {
  directory: string;
  targetDir: string;
  packageName: string;
  template: TemplateSource;
  /** Better Auth plugins on top of the template's own, in their fixed order */
  plugins: PluginId[];
  packageManager: DetectedPackageManager;
  install: boolean;
  migrate: boolean;
  databaseUrl?: string;
  git: boolean;
  overwrite: boolean;
  dryRun: boolean;
  /** a remote template from giget's cache only */
  offline: boolean;
  json: boolean;
  interactive: boolean;
  /** "template: node-postgres", … for every answer taken by default without asking */
  defaultsUsed: string[];
};
