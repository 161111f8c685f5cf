import "server-only";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getMigrationStatus, migrateDatabase, type MigrationStatus } from "./migrations";
import * as schema from "./schema";

/**
 * Brings the database at `url` up to the latest migration on a pool of its own, so the owner's URL
 * that migrations need never becomes the process's shared pool (getDb(), the site's own login).
 */
export async function migrateDatabaseAt(url: string): Promise<MigrationStatus> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const db = drizzle(pool, { schema });
    await migrateDatabase(db);
    return await getMigrationStatus(db);
  } finally {
    await pool.end();
  }
}
