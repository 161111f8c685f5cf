import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { transfers } from "./ledger";
import { users } from "./users";

// `posted`: at or under the two-person limit, posted when asked; `pending`: above it, waiting for a
// second operator, who makes it `approved` (posted then) or `rejected` (nothing posted).
export const adjustmentStatuses = ["posted", "pending", "approved", "rejected"] as const;
export const adjustmentDirections = ["credit", "debit"] as const;

// Every manual adjustment an operator asks for (issue 18, "Manual adjustments"). The form's idempotency
// key is UNIQUE here and the ledger transfer is keyed `adjustment:<key>`, so a double submit or a race
// of approvals posts once; `payload_hash` tells a replay from the same key sent with other content.
// `reason` is the operators' own and never leaves the console; `note` is what the customer reads on
// the statement and in the email.
export const adjustmentRequests = pgTable(
  "adjustment_requests",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    payloadHash: text("payload_hash").notNull(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    direction: text("direction", { enum: adjustmentDirections }).notNull(),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
    reason: text("reason").notNull(),
    note: text("note"),
    allowFreeze: boolean("allow_freeze").notNull().default(false),
    status: text("status", { enum: adjustmentStatuses }).notNull(),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    transferId: bigint("transfer_id", { mode: "bigint" }).references(() => transfers.id),
  },
  (table) => [
    check("adjustment_requests_amount_positive", sql`${table.amountMicros} > 0`),
    // The two-person rule, in the data too: nobody decides their own request.
    check(
      "adjustment_requests_second_person",
      sql`${table.status} <> 'approved' or ${table.decidedBy} <> ${table.requestedBy}`,
    ),
    index("adjustment_requests_pending_idx")
      .on(table.requestedAt)
      .where(sql`status = 'pending'`),
    index("adjustment_requests_account_idx").on(table.accountId, table.requestedAt),
  ],
);
