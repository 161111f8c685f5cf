import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { billingAccounts, spaces } from "./billing-accounts";

/** What happens when a budget's month spend reaches it: an email and a notice, or also the pause. */
export const budgetActions = ["alert", "pause"] as const;
export type BudgetAction = (typeof budgetActions)[number];

/**
 * Why a space is paused (DESIGN section 6): its own budget, the account's budget (every space), or the
 * account frozen. Only the first two are stored (space_pauses); `account_frozen` is read from the
 * account's standing.
 */
export const spacePauseReasons = ["budget", "account_budget", "account_frozen"] as const;
export type SpacePauseReason = (typeof spacePauseReasons)[number];

/** The percentages of a budget at which its alert fires, once each per budget and month. */
export const budgetAlertPercents = [50, 80, 100] as const;

// A monthly budget (issue 19, lib/budgets): for one space, or for the whole account when `space_id` is
// null. Spend is the billed usage of the UTC calendar month (usage_days' cost columns), checked in the
// transaction that posts the usage (lib/billing/ingest-in-transaction.ts).
export const budgets = pgTable(
  "budgets",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    spaceId: bigint("space_id", { mode: "bigint" }).references(() => spaces.id),
    amountMicros: bigint("amount_micros", { mode: "bigint" }).notNull(),
    action: text("action", { enum: budgetActions }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One budget per space, one for the account.
    uniqueIndex("budgets_space_idx")
      .on(table.spaceId)
      .where(sql`space_id is not null`),
    uniqueIndex("budgets_account_idx")
      .on(table.accountId)
      .where(sql`space_id is null`),
    index("budgets_account_spaces_idx").on(table.accountId),
    // At least one cent, at most $1,000,000 a month.
    check("budgets_amount_range", sql`${table.amountMicros} between 10000 and 1000000000000`),
    check("budgets_action", sql`${table.action} in ('alert', 'pause')`),
  ],
);

// A space paused by a budget in force: the row exists exactly while the space is paused (lib/budgets).
// Raising or removing the budget deletes it in the same transaction; the month rolling over deletes
// every row of an earlier month (the job `budgets-month-rollover`). History: platform_events and
// spend_alerts.
export const spacePauses = pgTable(
  "space_pauses",
  {
    spaceId: bigint("space_id", { mode: "bigint" })
      .primaryKey()
      .references(() => spaces.id),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    reason: text("reason", { enum: spacePauseReasons }).notNull(),
    budgetId: bigint("budget_id", { mode: "bigint" })
      .notNull()
      .references(() => budgets.id),
    // The first instant of the UTC month the pause belongs to.
    month: timestamp("month", { withTimezone: true }).notNull(),
    pausedAt: timestamp("paused_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("space_pauses_account_idx").on(table.accountId),
    check("space_pauses_reason", sql`${table.reason} in ('budget', 'account_budget')`),
  ],
);

export const spendAlertKinds = ["budget", "runway", "anomaly"] as const;
export type SpendAlertKind = (typeof spendAlertKinds)[number];

// Every spend alert that fired: the dashboard's notices and the once-ness of each alert. `key` names
// the occasion (`budget:<budget id>:<YYYY-MM>:<percent>`, `anomaly:<YYYY-MM-DD>`, `runway:<…>`), unique
// per account, so an alert recorded twice (racing batches, a retried job) is recorded once; its email is
// enqueued in the same transaction with the same key.
export const spendAlerts = pgTable(
  "spend_alerts",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => billingAccounts.id),
    kind: text("kind", { enum: spendAlertKinds }).notNull(),
    key: text("key").notNull(),
    data: jsonb("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("spend_alerts_account_key_idx").on(table.accountId, table.key),
    index("spend_alerts_account_created_idx").on(table.accountId, table.createdAt),
  ],
);

// Marks one alert of a budget as fired for a month (primary key = once): see spend_alerts for the notice.
export const budgetAlerts = pgTable(
  "budget_alerts",
  {
    budgetId: bigint("budget_id", { mode: "bigint" })
      .notNull()
      .references(() => budgets.id),
    month: timestamp("month", { withTimezone: true }).notNull(),
    percent: bigint("percent", { mode: "number" }).notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.budgetId, table.month, table.percent] })],
);
