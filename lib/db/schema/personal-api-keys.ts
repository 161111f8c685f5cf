import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { billingAccounts } from "./billing-accounts";
import { users } from "./users";

// Personal, read-only API keys for a customer's own account (issue 19, lib/api-keys): shown once, stored
// as a SHA-256 hash, revoked by setting `revoked_at` (refused at once). `prefix` is the key's first
// characters, shown in settings to tell keys apart.
export const personalApiKeys = pgTable(
  "personal_api_keys",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    index("personal_api_keys_account_idx").on(table.accountId),
    check("personal_api_keys_name_length", sql`char_length(${table.name}) between 1 and 100`),
  ],
);
