// A brand-new empty database on the test server, for tests that need a database in a known state
// (unmigrated, say) without disturbing the shared test database.
import { createScratchDatabase as createOnServer, type ScratchDatabase } from "@/scripts/lib/scratch-database";
import { adminDatabaseUrl } from "./test-env";

export type { ScratchDatabase };

export function createScratchDatabase(): Promise<ScratchDatabase> {
  return createOnServer(adminDatabaseUrl());
}
