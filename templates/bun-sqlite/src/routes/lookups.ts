import type { Database } from "../db";
import { findProject } from "../db/tenant";
import { httpError } from "../http/errors";

/** The organization's project with this id, or a 404: another tenant's id looks exactly like a missing one. */
export function projectOr404(db: Database, organizationId: string, id: string) {
  const found = findProject(db, organizationId, id);
  if (!found) throw httpError(404, "Project not found");
  return found;
}
