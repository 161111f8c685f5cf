import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { parseEnv } from "@/lib/env";
import type { Database } from "./client";
import { installJobQueue } from "./install-job-queue";

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/**
 * Applies the committed migrations that are not applied yet, then installs the job queue's schema.
 * Safe to run again and concurrently. Run it as the role that owns the tables (the site's own role,
 * a member of tandem_app, may not create or alter them).
 */
export async function migrateDatabase(db: Database): Promise<void> {
  // Two processes migrating at once (npm start beside npm run db:migrate) serialise on this lock
  // instead of racing to create the same tables.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform:migrations'))`);
    // Up to date, nothing is created: the site's own login (which may not create the drizzle schema
    // drizzle's migrator makes sure of) can then run this too, as `npm run db:seed` does.
    if ((await getMigrationStatus(tx)).pending.length > 0) {
      // Migration 0023 renders the emails it moves into email_outbox, whose links need the site's address.
      // parseEnv, not getEnv: migrating must not fix this process's environment before its caller sets it
      // (the fault campaign migrates a database, then points DATABASE_URL at it).
      await tx.execute(sql`select set_config('tandem.app_url', ${parseEnv().appUrl}, true)`);
      await migrate(tx as unknown as Database, { migrationsFolder });
    }
  });
  // A transaction of its own: drizzle's migrator commits the one above itself (its nested transaction
  // sends COMMIT on the same connection), which also ends that lock.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('platform:migrations'))`);
    await installJobQueue(tx);
  });
}

export type MigrationStatus = { expected: number; applied: number; pending: string[] };

/** Compares the committed migrations with those the database has applied, by content hash. */
export async function getMigrationStatus(db: Database): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder });
  let appliedHashes = new Set<string>();
  try {
    // Asked first, not caught: inside migrateDatabase's transaction an error would abort it. (pg_tables,
    // not to_regclass(), which may answer from a catalog snapshot older than the migrations lock.)
    const table = await db.execute<{ present: boolean }>(
      sql`select exists (select from pg_tables where schemaname = 'drizzle' and tablename = '__drizzle_migrations') as present`,
    );
    if (table.rows[0]?.present) {
      const rows = await db.execute<{ hash: string }>(sql`select hash from drizzle.__drizzle_migrations`);
      appliedHashes = new Set(rows.rows.map((row) => row.hash));
    }
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
