import { sql } from "drizzle-orm";
import { check, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { users } from "./users";

// An operator's freeze of an account (issue 18, lib/account-controls): while its row exists the
// account's standing is `frozen` whatever its balance (lib/billing/apply-standing.ts reads it), so a
// top-up cannot lift it; only an operator's unfreeze, which deletes the row, can. The history of
// freezes is in the audit log and standing_changes; this is only the hold in force.
export const accountFreezes = pgTable(
  "account_freezes",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => billingAccounts.id),
    reason: text("reason").notNull(),
    frozenBy: text("frozen_by")
      .notNull()
      .references(() => users.id),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("account_freezes_reason_length", sql`char_length(${table.reason}) between 1 and 500`)],
);
