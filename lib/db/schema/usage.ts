import { sql } from "drizzle-orm";
import { bigint, bigserial, check, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { usageResourceColumns } from "./usage-columns";
import { users } from "./users";

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

// One row per accepted meter record; its id is the platform's idempotency key. No foreign keys here:
// this is the hottest insert in the system, written only by ingestion after it has locked and checked
// the account and created the space in the same transaction; the checks cost a third of a batch.
export const meterRecords = pgTable("meter_records", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  spaceId: bigint("space_id", { mode: "bigint" }).notNull(),
  hour: timestamp("hour", { withTimezone: true }).notNull(),
  payloadHash: text("payload_hash").notNull(),
  costMicros: bigint("cost_micros", { mode: "bigint" }).notNull(),
  transferId: bigint("transfer_id", { mode: "bigint" }),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

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

// Units and billed cost per account, space and hour, one column pair per resource: a 1,000-record batch
// writes about a hundred of these rows. The view `usage_hourly` (migration 0007) presents them one row
// per resource for usage queries. Written only by ingestion (see meter_records on foreign keys).
export const usageHours = pgTable(
  "usage_hours",
  {
    accountId: text("account_id").notNull(),
    spaceId: bigint("space_id", { mode: "bigint" }).notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    ...usageResourceColumns(),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.hour, table.spaceId] }),
    // The space-hour cap of lib/billing/usage-caps.ts (MAX_SPACE_HOUR_UNITS, 10^16 units of a resource),
    // held by Postgres on the stored totals: ingestion reads nothing to enforce it, and a batch that
    // would pass it fails its statement (23514), so its transaction stores nothing (migration 0024).
    check(
      "usage_hours_space_hour_units_cap",
      sql`${table.cpuMs} <= 10000000000000000 and ${table.memoryBytes} <= 10000000000000000 and ${table.connections} <= 10000000000000000 and ${table.documents} <= 10000000000000000 and ${table.messages} <= 10000000000000000 and ${table.bandwidthBytes} <= 10000000000000000 and ${table.storageBytes} <= 10000000000000000 and ${table.firstPartyCalls} <= 10000000000000000 and ${table.thirdPartyCalls} <= 10000000000000000`,
    ),
  ],
);

export const platformTokenScopes = ["ingest", "read"] as const;
export type PlatformTokenScope = (typeof platformTokenScopes)[number];

// Tokens the platform's hosts use on the billing API; only a SHA-256 of the secret is stored.
// `scopes` says what it may call (`ingest`: POST /usage; `read`: the account reads); `expires_at` is
// set when the token is rotated (it keeps working through the grace the operator chose), `revoked_at`
// stops it at once. `last_used_*` are written at most once a minute (lib/billing/verify-platform-token.ts).
export const platformTokens = pgTable(
  "platform_tokens",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    // Both by default: what every token could do before scopes existed (migration 0033).
    scopes: text("scopes", { enum: platformTokenScopes })
      .array()
      .notNull()
      .default(sql`array['ingest', 'read']::text[]`),
    // The operator who made it; null when `npm run token:create` (or the demo seed) did.
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedFrom: text("last_used_from"),
  },
  (table) => [
    check(
      "platform_tokens_scopes_known",
      sql`cardinality(${table.scopes}) >= 1 and ${table.scopes} <@ array['ingest', 'read']::text[]`,
    ),
  ],
);
