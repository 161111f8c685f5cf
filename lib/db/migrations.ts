import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client";

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/** Applies the committed migrations that are not applied yet. Safe to run again and concurrently. */
export async function migrateDatabase(db: Database): Promise<void> {
  // Two processes migrating at once (npm start beside npm run db:migrate) serialise on this lock
  // instead of racing to create the same tables.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform:migrations'))`);
    await migrate(tx as unknown as Database, { migrationsFolder });
  });
}

export type MigrationStatus = { expected: number; applied: number; pending: string[] };

/** Compares the committed migrations with those the database has applied, by content hash. */
export async function getMigrationStatus(db: Database): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder });
  let appliedHashes = new Set<string>();
  try {
    const rows = await db.execute<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations`);
    appliedHashes = new Set(rows.rows.map((row) => row.hash));
  } catch (error) {
    // 42P01: the migrations table does not exist yet, so nothing is applied.
    if ((error as { code?: string }).code !== "42P01" && (error as { cause?: { code?: string } }).cause?.code !== "42P01") {
      throw error;
    }
  }
  const pending = expected.filter((migration) => !appliedHashes.has(migration.hash));
  return {
    expected: expected.length,
    applied: expected.length - pending.length,
    pending: pending.map((migration) => String(migration.folderMillis)),
  };
}
