// Runs a statement as the test database's owner: for staging what the site's own login may not do
// (alter a table, remove an append-only row). Everything under test still runs as that login.
import pg from "pg";
import { ownerDatabaseUrl } from "./test-env";

export async function asOwner(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
