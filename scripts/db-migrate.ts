// npm run db:migrate – applies committed migrations as the tables' owner: MIGRATION_DATABASE_URL when set,
// else DATABASE_URL (or the embedded database). The site itself connects as a login in tandem_app (README).
import { migrateDatabaseAt } from "@/lib/db/migrate-database-at";
import { parseEnv } from "@/lib/env";
import { withDatabase } from "./lib/database";

await withDatabase(async (url) => {
  const status = await migrateDatabaseAt(parseEnv().migrationDatabaseUrl ?? url);
  console.log(`migrations: ${status.applied} of ${status.expected} applied`);
});
