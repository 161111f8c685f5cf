import { bigint, bigserial, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { transfers } from "./ledger";

export const paymentNoticeKinds = ["receipt", "refund", "dispute_opened", "dispute_won"] as const;

// The notice a money movement (a top-up's receipt, a refund, a dispute) owes the account's owner, written
// in the transaction that posts the transfer, one per transfer: what it said (kind, amount, the balance
// then, the card receipt). Its email is an email_outbox row written in the same transaction, keyed
// `payment-notice:<transfer_id>` (lib/payments/payment-notices.ts); sending it is the outbox's business.
export const paymentNotices = pgTable("payment_notices", {
  id: bigserial("id", { mode: "bigint" }).primaryKey(),
  accountId: text("account_id")
    .notNull()
    .references(() => billingAccounts.id),
  transferId: bigint("transfer_id", { mode: "bigint" })
    .notNull()
    .unique()
    .references(() => transfers.id),
  kind: text("kind", { enum: paymentNoticeKinds }).notNull(),
  amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
  balanceMicros: bigint("balance_micros", { mode: "bigint" }).notNull(),
  receiptUrl: text("receipt_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
