import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

// Double-entry ledger (DESIGN section 4). A transfer moves an amount from one ledger account to another
// and is written as two entries (-amount, +amount). Transfers and entries are immutable: triggers in the
// migrations refuse UPDATE, DELETE and TRUNCATE. Only the cached balance on ledger_accounts changes,
// in the same transaction as the entries it sums.
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    code: text("code").notNull().unique(),
    kind: text("kind", {
      enum: ["customer_credit", "stripe_cash", "usage_revenue", "promotional_grants", "disputes", "adjustments", "usage_write_offs"],
    }).notNull(),
    billingAccountId: text("billing_account_id").references(() => billingAccounts.id),
    currency: text("currency").notNull().default("USD"),
    // Cached for customer accounts only (kept equal to the sum of entries, in the posting transaction).
    // System accounts such as usage_revenue take part in every posting; caching theirs would make one
    // hot row that serialises all ingestion, so their balance is always the sum of their entries.
    balanceMicros: bigint("balance_micros", { mode: "bigint" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("ledger_accounts_billing_account_idx").on(table.billingAccountId)],
);

export const transfers = pgTable(
  "transfers",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    // The external fact's key (Stripe event, checkout session, meter batch, admin request). UNIQUE, and
    // written in the same transaction as the entries: the same fact can never post twice.
    idempotencyKey: text("idempotency_key").notNull().unique(),
    payloadHash: text("payload_hash").notNull(),
    // The same list as TRANSFER_KINDS (lib/ledger/types.ts); a text column, so a new kind needs no migration.
    kind: text("kind", {
      enum: ["top_up", "usage", "grant", "refund", "dispute", "dispute_won", "adjustment", "reversal", "usage_write_off", "incident_credit"],
    }).notNull(),
    fromAccountId: bigint("from_account_id", { mode: "bigint" })
      .notNull()
      .references(() => ledgerAccounts.id),
    toAccountId: bigint("to_account_id", { mode: "bigint" })
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
    currency: text("currency").notNull().default("USD"),
    reason: text("reason"),
    reversesTransferId: bigint("reverses_transfer_id", { mode: "bigint" }),
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("transfers_amount_positive", sql`${table.amountMicros} > 0`),
    check("transfers_distinct_accounts", sql`${table.fromAccountId} <> ${table.toAccountId}`),
    index("transfers_from_idx").on(table.fromAccountId, table.createdAt),
    index("transfers_to_idx").on(table.toAccountId, table.createdAt),
  ],
);

export const entries = pgTable(
  "entries",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    transferId: bigint("transfer_id", { mode: "bigint" })
      .notNull()
      .references(() => transfers.id),
    ledgerAccountId: bigint("ledger_account_id", { mode: "bigint" })
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("entries_account_idx").on(table.ledgerAccountId, table.id), index("entries_transfer_idx").on(table.transferId)],
);
