// The floor of GET /api/projects on bun-sqlite: only the work that endpoint cannot skip, on the same database
// file: is the user a member of the organization, then that organization's projects. No auth, no framework.
// bun floor-sqlite.ts, with DB_FILE, PORT, ORG and USER.
import { Database } from "bun:sqlite";

const { DB_FILE, PORT, ORG, USER } = process.env;
const db = new Database(DB_FILE!, { readonly: true });
const member = db.query("select 1 from member where organization_id = ? and user_id = ? limit 1");
// In the app's order; cast(? as text) spares SQLite planning the statement again on every call, as in the app.
const projects = db.query("select * from project where organization_id = cast(? as text) order by created_at desc, rowid desc");

Bun.serve({
  port: Number(PORT),
  hostname: "127.0.0.1",
  fetch() {
    if (!member.get(ORG!, USER!)) return new Response(null, { status: 403 });
    return Response.json({ projects: projects.all(ORG!) });
  },
});
console.log("floor listening");
