// npm run seed:large – an account with a year of hourly usage for 100 spaces (876,000 meter records
// through the ingestion code), on DATABASE_URL or the embedded database. `--days N --spaces N` shrink it.
import { closeDb, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { seedLargeAccount } from "@/lib/demo/seed-large-account";
import { withDatabase } from "./lib/database";

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

await withDatabase(async () => {
  await migrateDatabase(getDb());
  const email = "large@example.com";
  let shown = -1;
  const seeded = await seedLargeAccount(getDb(), {
    email,
    spaces: flag("spaces", 100),
    days: flag("days", 365),
    onProgress: (done, total) => {
      const percent = Math.floor((Math.min(done, total) / total) * 100);
      if (percent % 10 === 0 && percent !== shown) console.log(`  ${(shown = percent)}%`);
    },
  });
  console.log(`seeded ${seeded.records} records for ${email} (${seeded.accountId}) in ${seeded.seconds.toFixed(0)} s`);
  await closeDb();
});
