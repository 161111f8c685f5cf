import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

// Up to 5 extra addresses per account that get receipts and alerts without signing in (issue 19,
// lib/billing-contacts). Nothing is sent to one before `confirmed_at` (its owner followed the link
// whose token hash is `confirm_token_hash`); after `unsubscribed_at` nothing is sent again. The
// owner removing a contact deletes the row.
export const billingContacts = pgTable(
  "billing_contacts",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    email: text("email").notNull(),
    confirmTokenHash: text("confirm_token_hash"),
    confirmationSentAt: timestamp("confirmation_sent_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    // Issue 20: this contact asked for the monthly statement PDF on the 1st (off until they opt in).
    monthlyStatement: boolean("monthly_statement").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("billing_contacts_account_email_idx").on(table.accountId, sql`lower(${table.email})`),
    uniqueIndex("billing_contacts_confirm_token_idx")
      .on(table.confirmTokenHash)
      .where(sql`confirm_token_hash is not null`),
    index("billing_contacts_account_idx").on(table.accountId),
    check("billing_contacts_email_length", sql`char_length(${table.email}) between 3 and 254`),
  ],
);
