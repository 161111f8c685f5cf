import { bigint, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { usageResourceColumns } from "./usage-columns";

// usage_hours summed by UTC day: the account area's long ranges read ~100× fewer rows. Ingestion adds to
// it in the statement that adds to usage_hours (lib/billing/store-usage.ts, migration
// `usage_days_kept_by_ingestion`); statement-level triggers on usage_hours take deleted or truncated
// hours out of it in the same transaction, so it always equals the hours it sums.
export const usageDays = pgTable(
  "usage_days",
  {
    accountId: text("account_id").notNull(),
    spaceId: bigint("space_id", { mode: "bigint" }).notNull(),
    day: timestamp("day", { withTimezone: true }).notNull(),
    ...usageResourceColumns(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.day, table.spaceId] })],
);
