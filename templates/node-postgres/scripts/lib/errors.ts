// An expected failure of the local PostgreSQL: scripts/lib/main.ts prints its message, not a stack.
export class LocalPostgresError extends Error {
  override name = "LocalPostgresError";
}

/** Progress goes to stderr: stdout belongs to the command (db:tables prints JSON there). */
export function say(message: string): void {
  process.stderr.write(`[local postgres] ${message}\n`);
}
