import { sql } from "drizzle-orm";
import { bigint, boolean, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

const usageColumn = (name: string) =>
  bigint(name, { mode: "bigint" })
    .notNull()
    .default(sql`0`);

// usage_hours summed by UTC day: the account area's long ranges read ~100× fewer rows. Kept equal to
// usage_hours by statement-level triggers with transition tables (migration `usage_days_rollup`), in
// the same transaction as the ingestion that writes the hours, so it can never drift from the ledger.
export const usageDays = pgTable(
  "usage_days",
  {
    accountId: text("account_id").notNull(),
    spaceId: bigint("space_id", { mode: "bigint" }).notNull(),
    day: timestamp("day", { withTimezone: true }).notNull(),
    cpuMs: usageColumn("cpu_ms"),
    memoryBytes: usageColumn("memory_bytes"),
    connections: usageColumn("connections"),
    documents: usageColumn("documents"),
    messages: usageColumn("messages"),
    bandwidthBytes: usageColumn("bandwidth_bytes"),
    storageBytes: usageColumn("storage_bytes"),
    firstPartyCalls: usageColumn("first_party_calls"),
    thirdPartyCalls: usageColumn("third_party_calls"),
    cpuMsCost: usageColumn("cpu_ms_cost"),
    memoryBytesCost: usageColumn("memory_bytes_cost"),
    connectionsCost: usageColumn("connections_cost"),
    documentsCost: usageColumn("documents_cost"),
    messagesCost: usageColumn("messages_cost"),
    bandwidthBytesCost: usageColumn("bandwidth_bytes_cost"),
    storageBytesCost: usageColumn("storage_bytes_cost"),
    firstPartyCallsCost: usageColumn("first_party_calls_cost"),
    thirdPartyCallsCost: usageColumn("third_party_calls_cost"),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.day, table.spaceId] })],
);

// Which standing emails the owner wants. No row means all of them; the frozen email is always sent
// (it says the apps stopped accepting work), so it has no switch.
export const alertPreferences = pgTable("alert_preferences", {
  accountId: text("account_id")
    .primaryKey()
    .references(() => billingAccounts.id),
  lowBalance: boolean("low_balance").notNull().default(true),
  ranOut: boolean("ran_out").notNull().default(true),
  recovered: boolean("recovered").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A closed account: its ledger stays (history is immutable); the credit left at closing is recorded
// here, and the account's floor is raised so its standing is `frozen` whatever money arrives later.
export const accountClosures = pgTable("account_closures", {
  accountId: text("account_id")
    .primaryKey()
    .references(() => billingAccounts.id),
  remainingMicros: bigint("remaining_micros", { mode: "bigint" }).notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
});
