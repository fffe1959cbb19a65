import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** An error that becomes a JSON response `{"error": message, ...details}` with the given status. */
export function httpError(status: ContentfulStatusCode, message: string, details: Record<string, unknown> = {}) {
  return new HTTPException(status, {
    res: Response.json({ error: message, ...details }, { status }),
  });
}
