import { bigint, bigserial, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts, spaces } from "./billing-accounts";
import { transfers } from "./ledger";

// Rate cards are versioned and take effect on an hour; a record is priced by the card in force for the
// record's hour, so a new card never applies retroactively.
export const rateCards = pgTable("rate_cards", {
  id: serial("id").primaryKey(),
  version: integer("version").notNull().unique(),
  effectiveFrom: timestamp("effective_from", { withTimezone: true }).notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// An exact rational price: `price_micros` per `per_units` units.
export const rateCardEntries = pgTable(
  "rate_card_entries",
  {
    cardId: integer("card_id")
      .notNull()
      .references(() => rateCards.id),
    resource: text("resource").notNull(),
    unitLabel: text("unit_label").notNull(),
    priceMicros: bigint("price_micros", { mode: "bigint" }).notNull(),
    perUnits: bigint("per_units", { mode: "bigint" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.cardId, table.resource] })],
);

// One row per accepted meter record; its id is the platform's idempotency key.
export const meterRecords = pgTable(
  "meter_records",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    spaceId: bigint("space_id", { mode: "bigint" })
      .notNull()
      .references(() => spaces.id),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    payloadHash: text("payload_hash").notNull(),
    costMicros: bigint("cost_micros", { mode: "bigint" }).notNull(),
    transferId: bigint("transfer_id", { mode: "bigint" }).references(() => transfers.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meter_records_account_hour_idx").on(table.accountId, table.hour)],
);

// The fraction of a micro-dollar not yet billed, per account, resource and card: numerator over the
// card entry's per_units. Carried forward so billed totals equal the exact price of summed units.
export const ratingRemainders = pgTable(
  "rating_remainders",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    resource: text("resource").notNull(),
    cardId: integer("card_id")
      .notNull()
      .references(() => rateCards.id),
    numerator: bigint("numerator", { mode: "bigint" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.resource, table.cardId] })],
);

// Units and billed cost per account, space, hour and resource: what usage charts and statements read.
export const usageHourly = pgTable(
  "usage_hourly",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    spaceId: bigint("space_id", { mode: "bigint" })
      .notNull()
      .references(() => spaces.id),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    resource: text("resource").notNull(),
    units: bigint("units", { mode: "bigint" }).notNull(),
    costMicros: bigint("cost_micros", { mode: "bigint" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.spaceId, table.hour, table.resource] }),
    index("usage_hourly_account_hour_idx").on(table.accountId, table.hour),
  ],
);

// Tokens the platform's hosts use on the billing API; only a SHA-256 of the secret is stored.
export const platformTokens = pgTable("platform_tokens", {
  id: bigserial("id", { mode: "bigint" }).primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
});
