// Types of auth-check.mjs for the TypeScript scripts that import it.
export type AppliedMigrations = { where: string; applied: string[] };
export function runAuthChecks(options: {
  root: string;
  packageManager: string;
  migrate: string;
  applied: () => Promise<AppliedMigrations>;
}): Promise<number>;
export function drizzleAppliedTags(root: string, createdAt: Iterable<number | string>): string[];
