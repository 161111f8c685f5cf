import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

export const topUpStatuses = ["open", "processing", "paid", "failed", "expired"] as const;

// One Stripe customer per billing account, created once (with an idempotency key derived from the
// account) and reused for every Checkout session.
export const stripeCustomers = pgTable("stripe_customers", {
  billingAccountId: text("billing_account_id")
    .primaryKey()
    .references(() => billingAccounts.id),
  stripeCustomerId: text("stripe_customer_id").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// A hosted Checkout top-up. The money itself lives in the ledger (transfer key `checkout:<session id>`);
// this row keeps what Stripe told us so refunds, disputes and receipts can find the account.
export const topUps = pgTable(
  "top_ups",
  {
    checkoutSessionId: text("checkout_session_id").primaryKey(),
    billingAccountId: text("billing_account_id")
      .notNull()
      .references(() => billingAccounts.id),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
    status: text("status", { enum: topUpStatuses }).notNull().default("open"),
    paymentIntentId: text("payment_intent_id").unique(),
    chargeId: text("charge_id").unique(),
    receiptUrl: text("receipt_url"),
    transferId: bigint("transfer_id", { mode: "bigint" }),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("top_ups_account_idx").on(table.billingAccountId, table.createdAt)],
);

// Every Stripe webhook event, stored once by id. Effects are exactly-once through their own ledger keys
// (by object: session, refund, dispute); `processedAt` marks an event whose effect has committed, so a
// redelivery answers at once without calling Stripe again.
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    objectId: text("object_id"),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    outcome: text("outcome"),
  },
  (table) => [index("stripe_events_type_idx").on(table.type, table.receivedAt)],
);
