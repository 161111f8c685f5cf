import { sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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

/** What handling an event came to: its effect posted or changed something (`applied`), found it already
 * done by another path (`duplicate`: the return page, another event, reconciliation), or had nothing to
 * do (`ignored`: a type we do not act on, a payment that is not ours). `failed` events are not here:
 * their attempts are `stripe_event_failures` rows until one attempt succeeds. */
export const stripeEventOutcomes = ["applied", "duplicate", "ignored"] as const;

// Every Stripe webhook event, stored once by id. Effects are exactly-once through their own ledger keys
// (by object: session, refund, dispute); `processedAt` marks an event whose effect has committed, so a
// redelivery answers at once without calling Stripe again. `note` is what the effect said ("paid",
// "1 posted"). Append-only for the site's role (migration 0021).
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    objectId: text("object_id"),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    outcome: text("outcome", { enum: stripeEventOutcomes }).notNull(),
    note: text("note"),
  },
  (table) => [
    index("stripe_events_type_idx").on(table.type, table.receivedAt),
    index("stripe_events_received_idx").on(table.receivedAt),
    check("stripe_events_outcome", sql`${table.outcome} in ('applied', 'duplicate', 'ignored')`),
  ],
);

// One failed attempt at handling an event (its effect's transaction rolled back), written on its own
// after the rollback so the failure outlives it. Append-only: an event is failed while it has failures
// and no `stripe_events` row; a later delivery or an operator's replay that succeeds adds that row.
// The error is our code and a redacted message (lib/payments/describe-event-failure.ts), never a payload.
export const stripeEventFailures = pgTable(
  "stripe_event_failures",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    objectId: text("object_id"),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }).notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
    errorCode: text("error_code").notNull(),
    errorMessage: text("error_message").notNull(),
  },
  (table) => [index("stripe_event_failures_event_idx").on(table.eventId, table.failedAt), index("stripe_event_failures_failed_idx").on(table.failedAt)],
);

export const reconciliationTriggers = ["job", "operator", "script"] as const;

// One reconciliation run (lib/payments/run-reconciliation.ts), by the 15-minute job or an operator's
// "Run now": started, then finished with its counts and findings (at most 100 kept; the counts are whole),
// or with the error that stopped it. A run never finished (its process died) keeps a null finished_at.
export const reconciliationRuns = pgTable(
  "reconciliation_runs",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    trigger: text("trigger", { enum: reconciliationTriggers }).notNull(),
    operatorId: text("operator_id"),
    operatorEmail: text("operator_email"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    checkedPayments: integer("checked_payments"),
    checkedCredits: integer("checked_credits"),
    driftCount: integer("drift_count"),
    repairedCount: integer("repaired_count"),
    findings: jsonb("findings"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
  },
  (table) => [
    index("reconciliation_runs_started_idx").on(table.startedAt),
    check("reconciliation_runs_trigger", sql`${table.trigger} in ('job', 'operator', 'script')`),
  ],
);
