// npm run db:seed – seeds the demo (idempotent) on DATABASE_URL or the embedded database.
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { seedDemo } from "@/lib/demo/seed-demo";
import { withDatabase } from "./lib/database";

await withDatabase(async () => {
  await migrateDatabase(getDb());
  const seeded = await seedDemo(getDb());
  console.log(`seeded: operator ${seeded.adminEmail}, user ${seeded.userEmail} (${seeded.userAccount})`);
  await closeDb();
});
