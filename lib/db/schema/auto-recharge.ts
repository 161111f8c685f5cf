import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

export const autoRechargeStatuses = ["pending", "charging", "succeeded", "failed", "skipped"] as const;

// An account's auto-recharge settings: when a usage debit takes the balance under `threshold`, charge the
// saved card up to `target`, at most `monthly_cap` per calendar month (UTC). A declined or
// authentication-needing charge sets `paused_at` until the person resumes; reaching the cap sets
// `capped_until` (the next month) so debits stop asking until then or until the settings change.
export const autoRechargeSettings = pgTable(
  "auto_recharge_settings",
  {
    billingAccountId: text("billing_account_id")
      .primaryKey()
      .references(() => billingAccounts.id),
    enabled: boolean("enabled").notNull().default(false),
    thresholdMicros: bigint("threshold_micros", { mode: "bigint" }).notNull(),
    targetMicros: bigint("target_micros", { mode: "bigint" }).notNull(),
    monthlyCapMicros: bigint("monthly_cap_micros", { mode: "bigint" }).notNull(),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    pausedReason: text("paused_reason"),
    cappedUntil: timestamp("capped_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("auto_recharge_settings_amounts", sql`${table.thresholdMicros} >= 0 and ${table.targetMicros} > ${table.thresholdMicros} and ${table.monthlyCapMicros} > 0`),
  ],
);

// One recharge: asked for by the posting transaction that took the balance under the threshold, then
// charged by the job. At most one per account is in flight (the partial UNIQUE index): 50 racing debits
// ask once. It is charged by paying a Stripe invoice (issue 20), each step under the Idempotency-Key
// `auto-recharge:<id>:invoice|item|finalize|pay`; the ledger key is `payment_intent:<pi id>` of its payment.
// `notified_at`: the email a failed recharge owes is recorded in email_outbox (lib/payments/auto-recharge-notices.ts).
export const autoRecharges = pgTable(
  "auto_recharges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    billingAccountId: text("billing_account_id")
      .notNull()
      .references(() => billingAccounts.id),
    status: text("status", { enum: autoRechargeStatuses }).notNull().default("pending"),
    amountMicros: bigint("amount_micros", { mode: "bigint" }),
    paymentIntentId: text("payment_intent_id").unique(),
    chargeId: text("charge_id"),
    receiptUrl: text("receipt_url"),
    transferId: bigint("transfer_id", { mode: "bigint" }),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    recoveryUrl: text("recovery_url"),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("auto_recharges_one_in_flight").on(table.billingAccountId).where(sql`status in ('pending', 'charging')`),
    index("auto_recharges_account_idx").on(table.billingAccountId, table.createdAt),
  ],
);

// A setup-mode Checkout session the site started, in the order it started them (`seq`). Its card becomes
// the default once (`applied_at`), and only if no later session's card already did: webhooks and the
// return page may finish them in any order, and a late one must not undo a newer choice.
export const cardSetups = pgTable(
  "card_setups",
  {
    checkoutSessionId: text("checkout_session_id").primaryKey(),
    billingAccountId: text("billing_account_id")
      .notNull()
      .references(() => billingAccounts.id),
    seq: bigserial("seq", { mode: "bigint" }).notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("card_setups_account_idx").on(table.billingAccountId, table.seq)],
);
