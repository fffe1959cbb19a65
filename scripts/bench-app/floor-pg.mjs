// The floor of GET /api/projects on node-postgres: only the work that endpoint cannot skip, through pg on the
// same database: is the user a member of the organization, then that organization's projects. No auth, no
// framework. Run from the generated project (its pg): node floor-pg.mjs, with DATABASE_URL, PORT, ORG and USER.
import { createServer } from "node:http";
import pg from "pg";

const { DATABASE_URL, PORT, ORG, USER } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

createServer(async (_request, response) => {
  const member = await pool.query("select 1 from member where organization_id = $1 and user_id = $2 limit 1", [ORG, USER]);
  if (member.rowCount === 0) return response.writeHead(403).end();
  const projects = await pool.query("select * from project where organization_id = $1 order by created_at, id", [ORG]);
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ projects: projects.rows }));
}).listen(Number(PORT), "127.0.0.1", () => console.log("floor listening"));
