// The floors on bun-sqlite: only the work each measured request cannot skip, on the same database file. No auth,
// no framework. bun floor-sqlite.ts, with DB_FILE, PORT, ORG, USER and EMAIL.
//   GET /      as GET /api/projects: is the user a member of the organization, then that organization's projects
//   GET /home  as the home page: the user's organizations, the active one's members and pending invitations, and
//              the pending invitations to the user's address
import { Database } from "bun:sqlite";

const { DB_FILE, PORT, ORG, USER, EMAIL } = process.env;
const db = new Database(DB_FILE!, { readonly: true });
const member = db.query("select 1 from member where organization_id = ? and user_id = ? limit 1");
// In the app's order; cast(? as text) spares SQLite planning the statement again on every call, as in the app.
const projects = db.query("select * from project where organization_id = cast(? as text) order by created_at desc, rowid desc");
const organizations = db.query("select o.id, o.name from member m join organization o on o.id = m.organization_id where m.user_id = ? order by m.created_at");
const members = db.query("select u.email, m.role from member m join user u on u.id = m.user_id where m.organization_id = ? order by m.created_at limit 100");
const invited = db.query("select email from invitation where organization_id = ? and status = 'pending' order by created_at");
const invitations = db.query(
  "select i.id, o.name from invitation i join organization o on o.id = i.organization_id where i.email = ? and i.status = 'pending' order by i.created_at",
);

Bun.serve({
  port: Number(PORT),
  hostname: "127.0.0.1",
  fetch(request) {
    if (new URL(request.url).pathname === "/home") {
      return Response.json({
        organizations: organizations.all(USER!),
        members: members.all(ORG!),
        invited: invited.all(ORG!),
        invitations: invitations.all(EMAIL!),
      });
    }
    if (!member.get(ORG!, USER!)) return new Response(null, { status: 403 });
    return Response.json({ projects: projects.all(ORG!) });
  },
});
console.log("floor listening");
