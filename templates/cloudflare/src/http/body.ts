import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";

/**
 * Parses the JSON body against a schema; anything else is the client's mistake: 400 with the reason.
 * Requiring the JSON content type also means a cross-site page cannot send this request without a
 * CORS preflight (which this app does not grant): a CSRF guard on top of SameSite cookies.
 */
export async function readBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
    throw new HTTPException(400, { message: "The request body must be JSON, sent with content-type: application/json" });
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HTTPException(400, { message: "The request body is not valid JSON" });
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    throw new HTTPException(400, { message: `Invalid body: ${issues.join("; ")}` });
  }
  return result.data;
}
