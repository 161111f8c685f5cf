// A brand-new empty database on the test server, for tests that need a database in a known state
// (unmigrated, say) without disturbing the shared test database.
import { afterAll, beforeAll, vi } from "vitest";
import { createScratchDatabase as createOnServer, type ScratchDatabase } from "@/scripts/lib/scratch-database";
import { adminDatabaseUrl } from "./test-env";

export type { ScratchDatabase };

export function createScratchDatabase(): Promise<ScratchDatabase> {
  return createOnServer(adminDatabaseUrl());
}

/**
 * A scratch database migrated by its owner (`url`), with `appUrl` for the site's own login, as the
 * test stack and production connect: code under test runs there with the site's least privilege.
 */
export async function createMigratedScratchDatabase(): Promise<ScratchDatabase & { appUrl: string }> {
  const scratch = await createScratchDatabase();
  const { migrateDatabaseAt } = await import("@/lib/db/migrate-database-at");
  const { ensureAppLogin } = await import("@/lib/db/ensure-app-login");
  await migrateDatabaseAt(scratch.url);
  return { ...scratch, appUrl: await ensureAppLogin(scratch.url) };
}

/**
 * This test file runs on a migrated scratch database of its own (for files that change something global:
 * the launch mode, the account cap): the environment points the site's pool at it before the file's own
 * `beforeAll` runs (getEnv() and the pool are made on first use, so call this before anything reads
 * them), and the pool is closed and the database dropped after the last test.
 */
export function runOnScratchDatabaseInThisFile(): { readonly database: ScratchDatabase & { appUrl: string } } {
  const holder = {} as { database: ScratchDatabase & { appUrl: string } };
  beforeAll(async () => {
    holder.database = await createMigratedScratchDatabase();
    vi.stubEnv("DATABASE_URL", holder.database.appUrl);
  });
  afterAll(async () => {
    const { closeDb } = await import("@/lib/db/client");
    await closeDb();
    vi.unstubAllEnvs();
    await holder.database.drop();
  });
  return holder;
}
