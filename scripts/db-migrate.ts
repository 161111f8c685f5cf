// npm run db:migrate – applies committed migrations to DATABASE_URL (or the embedded database).
import { closeDb, getDb } from "@/lib/db/client";
import { getMigrationStatus, migrateDatabase } from "@/lib/db/migrations";
import { withDatabase } from "./lib/database";

await withDatabase(async () => {
  const db = getDb();
  await migrateDatabase(db);
  const status = await getMigrationStatus(db);
  console.log(`migrations: ${status.applied} of ${status.expected} applied`);
  await closeDb();
});
