import "server-only";
import pg from "pg";

/**
 * The login the demo and the test stack give the site: a member of tandem_app (migration app_role),
 * so it has the site's privileges and owns nothing. Production creates its own login with a real
 * password (README); this one's password is as public as the embedded database's.
 */
export const APP_LOGIN = { name: "tandem_app_login", password: "tandem_app_login" } as const;

// Roles are cluster-wide and several test databases share a server, so creating it may race: a
// concurrent CREATE ROLE of the same name counts as done. `SET role` makes what the login creates
// (pg-boss's per-queue tables) belong to tandem_app, whichever login created it.
const ENSURE_LOGIN = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_LOGIN.name}') THEN
    BEGIN
      CREATE ROLE ${APP_LOGIN.name} LOGIN PASSWORD '${APP_LOGIN.password}' IN ROLE tandem_app;
      ALTER ROLE ${APP_LOGIN.name} SET role = 'tandem_app';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$`;

/**
 * Makes sure the site's login exists on the server of `ownerUrl` (a migrated database, connected as a
 * role that may create roles) and returns the URL of the same database for that login.
 */
export async function ensureAppLogin(ownerUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(ENSURE_LOGIN);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_LOGIN.name;
  url.password = APP_LOGIN.password;
  return url.toString();
}
