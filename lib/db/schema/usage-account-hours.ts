import { sql } from "drizzle-orm";
import { bigint, check, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// usage_hours summed over spaces and resources: the billed cost of an account per hour. The dashboard's
// sums and series (the last 7 days, this month and last month to the same point, 24 hours, 30 days) read
// at most ~1,500 of these narrow rows instead of ~15,000 wide ones for 100 spaces. Kept equal to
// usage_hours by ingestion's own statement (lib/billing/store-usage.ts), like usage_days, and by
// statement-level triggers when hours are deleted or truncated (migration `usage_account_hours_rollup`).
export const usageAccountHours = pgTable(
  "usage_account_hours",
  {
    accountId: text("account_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    costMicros: bigint("cost_micros", { mode: "bigint" })
      .notNull()
      .default(sql`0`),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.hour] }),
    // The account-hour cap of lib/billing/usage-caps.ts (MAX_ACCOUNT_HOUR_MICROS, $10,000,000), held by
    // Postgres on the stored total (migration 0024), like usage_hours' space-hour cap.
    check("usage_account_hours_cost_cap", sql`${table.costMicros} <= 10000000000000`),
  ],
);
