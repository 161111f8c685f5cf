import { sql } from "drizzle-orm";
import { bigint, boolean, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const launchModes = ["private", "limited", "open"] as const;

// Operator settings: one row (id is always true). Missing means the defaults in
// lib/settings/launch-settings.ts, so a fresh database needs no seed.
export const launchSettings = pgTable(
  "settings",
  {
    id: boolean("id").primaryKey().default(true),
    launchMode: text("launch_mode", { enum: launchModes }).notNull(),
    accountCap: integer("account_cap").notNull(),
    memberInviteAllowance: integer("member_invite_allowance").notNull(),
    // The welcome credit of a new billing account (lib/billing/create-billing-account.ts); $5 until set.
    promotionalGrantMicros: bigint("promotional_grant_micros", { mode: "bigint" }).notNull().default(sql`5000000`),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("settings_single_row", sql`${table.id}`),
    check("settings_cap_non_negative", sql`${table.accountCap} >= 0`),
    check("settings_allowance_non_negative", sql`${table.memberInviteAllowance} >= 0`),
    check("settings_grant_non_negative", sql`${table.promotionalGrantMicros} >= 0`),
  ],
);
