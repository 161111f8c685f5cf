// A brand-new empty database on the test server, for tests that need a database in a known state
// (unmigrated, say) without disturbing the shared test database.
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
