import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";

// The outbox of webhooks to the platform (issue 19, lib/platform-events): a standing change of an
// account or a space, recorded in the transaction that makes it with the next `sequence` of its account
// (billing_accounts.event_sequence), and delivered, signed, after the commit and by the delivery sweep
// with retries and backoff until the platform answers 2xx. The platform recognises a late delivery by
// a sequence lower than one it has already applied.
export const platformEvents = pgTable(
  "platform_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    sequence: bigint("sequence", { mode: "bigint" }).notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("platform_events_account_sequence_idx").on(table.accountId, table.sequence),
    index("platform_events_undelivered_idx")
      .on(table.nextAttemptAt)
      .where(sql`delivered_at is null`),
  ],
);
