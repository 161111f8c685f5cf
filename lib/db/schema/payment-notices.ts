import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { transfers } from "./ledger";

export const paymentNoticeKinds = ["receipt", "refund", "dispute_opened", "dispute_won"] as const;

// The email owed to an account's owner for a money movement (a top-up's receipt, a refund, a dispute),
// written in the transaction that posts the transfer, one per transfer: a crash or an SMTP outage after
// the commit leaves the notice here to be sent later, never lost and never owed twice.
export const paymentNotices = pgTable(
  "payment_notices",
  {
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
    attempts: integer("attempts").notNull().default(0),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("payment_notices_unsent_idx").on(table.createdAt).where(sql`notified_at is null`)],
);
