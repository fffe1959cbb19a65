// The floors on node-postgres: only the work each measured request cannot skip, through pg on the same database.
// No auth, no framework. Run from the generated project (its pg): node floor-pg.mjs, with DATABASE_URL, PORT, ORG,
// USER and EMAIL.
//   GET /      as GET /api/projects: is the user a member of the organization, then that organization's projects
//   GET /home  as the home page: the user's organizations, the active one's members and pending invitations, and
//              the pending invitations to the user's address
import { createServer } from "node:http";
import pg from "pg";

const { DATABASE_URL, PORT, ORG, USER, EMAIL } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

async function projects() {
  const member = await pool.query("select 1 from member where organization_id = $1 and user_id = $2 limit 1", [ORG, USER]);
  if (member.rowCount === 0) return null;
  const projects = await pool.query("select * from project where organization_id = $1 order by created_at, id", [ORG]);
  return { projects: projects.rows };
}

async function home() {
  const [organizations, members, invited, invitations] = await Promise.all([
    pool.query("select o.id, o.name from member m join organization o on o.id = m.organization_id where m.user_id = $1 order by m.created_at", [USER]),
    pool.query('select u.email, m.role from member m join "user" u on u.id = m.user_id where m.organization_id = $1 order by m.created_at limit 100', [ORG]),
    pool.query("select email from invitation where organization_id = $1 and status = 'pending' order by created_at", [ORG]),
    pool.query("select i.id, o.name from invitation i join organization o on o.id = i.organization_id where i.email = $1 and i.status = 'pending' order by i.created_at", [EMAIL]),
  ]);
  return { organizations: organizations.rows, members: members.rows, invited: invited.rows, invitations: invitations.rows };
}

createServer(async (request, response) => {
  const body = await (request.url === "/home" ? home() : projects());
  if (body === null) return response.writeHead(403).end();
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}).listen(Number(PORT), "127.0.0.1", () => console.log("floor listening"));
