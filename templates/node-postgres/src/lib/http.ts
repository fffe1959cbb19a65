import type { Context } from "hono";
import type { z } from "zod";

export function jsonError(c: Context, status: 400 | 401 | 403 | 404 | 500, error: string, details?: unknown) {
  return c.json(details === undefined ? { error } : { error, details }, status);
}

type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

// Parses and validates a JSON body. Malformed JSON and schema violations both become a 400 with a
// readable reason instead of a 500.
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<Parsed<z.infer<T>>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: jsonError(c, 400, "Invalid body: expected a JSON object") };
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const details = result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return { ok: false, response: jsonError(c, 400, "Invalid body", details) };
  }
  return { ok: true, data: result.data };
}
