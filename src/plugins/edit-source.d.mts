// The types of edit-source.mjs: plain JavaScript, so the generator (scripts/plugin-sets.mjs) runs it without a build.
export class AuthConfigError extends Error {}
/** src/auth.ts with the plugins added: their imports among the imports, their entries in the fixed order. */
export function addPlugins(source: string, ids: readonly string[]): string;
/** src/pages/plugins.ts with the plugins' pages added. */
export function addPluginPages(source: string, ids: readonly string[]): string;
/** The ids of the plugins of ours that a src/auth.ts already configures. */
export function configuredPlugins(source: string): string[];
