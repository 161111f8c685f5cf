import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const standingStates = ["active", "low", "grace", "frozen"] as const;

// A customer's billing account, named publicly by an opaque id (`acct_…`). Its money lives in the ledger;
// `state` is the standing (DESIGN section 6), changed only in the transaction that posts the money.
export const billingAccounts = pgTable("billing_accounts", {
  id: text("id").primaryKey(),
  ownerUserId: text("owner_user_id")
    .notNull()
    .unique()
    .references(() => users.id),
  state: text("state", { enum: standingStates }).notNull().default("active"),
  lowThresholdMicros: bigint("low_threshold_micros", { mode: "bigint" })
    .notNull()
    .default(sql`5000000`),
  floorMicros: bigint("floor_micros", { mode: "bigint" })
    .notNull()
    .default(sql`-5000000`),
  // The sequence number of the account's last platform webhook (platform_events), taken in the
  // transaction that records the event: the row lock orders an account's events.
  eventSequence: bigint("event_sequence", { mode: "bigint" })
    .notNull()
    .default(sql`0`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const spaces = pgTable(
  "spaces",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("spaces_account_name_idx").on(table.accountId, table.name)],
);

export const standingChanges = pgTable(
  "standing_changes",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    fromState: text("from_state", { enum: standingStates }).notNull(),
    toState: text("to_state", { enum: standingStates }).notNull(),
    balanceMicros: bigint("balance_micros", { mode: "bigint" }).notNull(),
    causeTransferId: bigint("cause_transfer_id", { mode: "bigint" }),
    cause: text("cause").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The change's email, if its owner wants it, is an email_outbox row keyed `standing-change:<id>`.
    index("standing_changes_account_idx").on(table.accountId, table.createdAt),
  ],
);

// Which standing emails the owner wants (the account's settings page). No row means all of them; the
// frozen email is always sent (it says the apps stopped accepting work), so it has no switch.
export const alertPreferences = pgTable(
  "alert_preferences",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => billingAccounts.id),
    lowBalance: boolean("low_balance").notNull().default(true),
    ranOut: boolean("ran_out").notNull().default(true),
    recovered: boolean("recovered").notNull().default(true),
    // Spend alerts (issue 19): a budget's 50, 80 and 100%; the balance running out within `runway_days`
    // at the last 7 days' rate; a day costing at least 5× the median of the 7 before it.
    budgetAlerts: boolean("budget_alerts").notNull().default(true),
    runwayAlert: boolean("runway_alert").notNull().default(true),
    runwayDays: integer("runway_days").notNull().default(7),
    anomalyAlert: boolean("anomaly_alert").notNull().default(true),
    // Issue 20: the owner gets the monthly statement PDF on the 1st (on unless turned off).
    monthlyStatement: boolean("monthly_statement").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("alert_preferences_runway_days", sql`${table.runwayDays} between 1 and 90`)],
);

// A closed account: its ledger stays (history is immutable); the credit left at closing is recorded
// here, and the account's floor is raised so its standing is `frozen` whatever money arrives later.
export const accountClosures = pgTable("account_closures", {
  accountId: text("account_id")
    .primaryKey()
    .references(() => billingAccounts.id),
  remainingMicros: bigint("remaining_micros", { mode: "bigint" }).notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
});
