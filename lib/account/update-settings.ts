import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppSession } from "@/lib/session/app-session";
import { applyStanding, type StandingChange } from "@/lib/billing/apply-standing";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import type { Database, Queryable, Transaction } from "@/lib/db/client";
import { alertPreferences, billingAccounts, users } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { formTextSchema } from "@/lib/actions/form-text";
import { AppError } from "@/lib/errors";
import { dropUnwantedStandingEmails } from "@/lib/billing/drop-unwanted-standing-emails";
import { ALL_ALERTS, type AlertChoices } from "@/lib/billing/standing-email-choice";

const MAX_THRESHOLD_DOLLARS = 1000;

export const displayNameSchema = z.object({ name: formTextSchema(z.string().trim().max(80, "at most 80 characters"), "Your name") });

// Whole or decimal dollars with at most two decimals, parsed to micro-dollars without a float.
export const thresholdSchema = z.object({
  threshold: z
    .string()
    .trim()
    .regex(/^\d{1,4}(\.\d{1,2})?$/, "an amount in dollars, like 5 or 12.50")
    .transform((value) => {
      const [whole, fraction = ""] = value.split(".");
      return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(2, "0")) * 10_000n;
    })
    .refine((micros) => micros <= BigInt(MAX_THRESHOLD_DOLLARS) * 1_000_000n, `at most $${MAX_THRESHOLD_DOLLARS}`),
});

export async function updateDisplayName(db: Queryable, session: AppSession, name: string): Promise<void> {
  await db.update(users).set({ name: name === "" ? null : name }).where(eq(users.id, session.user.id));
}

/** Locks the session's own customer ledger account (as postings do) and returns its account and balance. */
export async function lockOwnAccount(tx: Transaction, session: AppSession): Promise<{ accountId: string; balance: bigint; closed: boolean }> {
  const account = await findBillingAccount(tx, { userId: session.user.id }, { lockLedger: true });
  if (!account) throw new AppError("not_found", { message: "This sign-in has no billing account." });
  return { accountId: account.accountId, balance: account.balanceMicros, closed: account.closedAt !== null };
}

/**
 * Sets the low-balance threshold and recomputes standing in the same transaction, under the ledger
 * lock a posting takes, so a racing usage batch sees either the old threshold or the new one; a change
 * of state is recorded with this cause (and emailed like any other).
 */
export async function setLowBalanceThreshold(db: Database, session: AppSession, micros: bigint): Promise<StandingChange[]> {
  return runTransaction(db, async (tx) => {
    const account = await lockOwnAccount(tx, session);
    if (account.closed) throw new AppError("conflict", { message: "This account is closed." });
    await tx.update(billingAccounts).set({ lowThresholdMicros: micros }).where(eq(billingAccounts.id, account.accountId));
    return applyStanding(tx, { balances: new Map([[account.accountId, account.balance]]), cause: "low-balance threshold changed" });
  });
}

export async function getAlertChoices(db: Queryable, accountId: string): Promise<AlertChoices> {
  const rows = await db
    .select({ lowBalance: alertPreferences.lowBalance, ranOut: alertPreferences.ranOut, recovered: alertPreferences.recovered })
    .from(alertPreferences)
    .where(eq(alertPreferences.accountId, accountId));
  return rows[0] ?? ALL_ALERTS;
}

// An unticked checkbox is absent from the form: absent means "no", "on" means "yes".
const checkboxSchema = z.literal("on").optional().transform((value) => value === "on");

export const alertChoicesSchema = z.object({ lowBalance: checkboxSchema, ranOut: checkboxSchema, recovered: checkboxSchema });

/**
 * The session's own account's alert_preferences row with these switches, for an insert-select that
 * creates the row when it is missing (the account is found by the session's user id in the statement
 * itself). Drizzle's insert-select names every column in the table's order, so each is given here: a
 * setter passes its own choices and the defaults of the others, which its upsert then leaves as they are.
 */
function ownPreferencesRow(db: Queryable, session: AppSession, values: AlertChoices & SpendAlertChoices) {
  return db
    .select({
      accountId: billingAccounts.id,
      lowBalance: sql`${values.lowBalance}`.as("low_balance"),
      ranOut: sql`${values.ranOut}`.as("ran_out"),
      recovered: sql`${values.recovered}`.as("recovered"),
      budgetAlerts: sql`${values.budgetAlerts}`.as("budget_alerts"),
      runwayAlert: sql`${values.runwayAlert}`.as("runway_alert"),
      runwayDays: sql`${values.runwayDays}::integer`.as("runway_days"),
      anomalyAlert: sql`${values.anomalyAlert}`.as("anomaly_alert"),
      // Issue 20's column (migration 0038): a new row gets its default, on; an existing one keeps its own.
      monthlyStatement: sql`true`.as("monthly_statement"),
      updatedAt: sql`now()`.as("updated_at"),
    })
    .from(billingAccounts)
    .where(eq(billingAccounts.ownerUserId, session.user.id));
}

/** Saves the owner's alert choices; a standing email still owed that they now switch off is not sent. */
export async function setAlertChoices(db: Database, session: AppSession, choices: AlertChoices): Promise<void> {
  await runTransaction(db, async (tx) => {
    // One statement: the account is the session's own, found by its user id in the insert itself.
    const saved = await tx
      .insert(alertPreferences)
      .select(ownPreferencesRow(tx, session, { ...choices, ...ALL_SPEND_ALERTS }))
      .onConflictDoUpdate({
        target: alertPreferences.accountId,
        set: { lowBalance: choices.lowBalance, ranOut: choices.ranOut, recovered: choices.recovered, updatedAt: sql`now()` },
      })
      .returning({ accountId: alertPreferences.accountId });
    for (const row of saved) await dropUnwantedStandingEmails(tx, row.accountId, choices);
  });
}

/** The spend alerts' switches (issue 19): a budget's 50/80/100%, the runway within `runwayDays`, unusual days. */
export type SpendAlertChoices = { budgetAlerts: boolean; runwayAlert: boolean; runwayDays: number; anomalyAlert: boolean };

export const ALL_SPEND_ALERTS: SpendAlertChoices = { budgetAlerts: true, runwayAlert: true, runwayDays: 7, anomalyAlert: true };

// The bounds of alert_preferences_runway_days (migration 0036).
const MIN_RUNWAY_DAYS = 1;
const MAX_RUNWAY_DAYS = 90;

export const spendAlertChoicesSchema = z.object({
  budgetAlerts: checkboxSchema,
  runwayAlert: checkboxSchema,
  anomalyAlert: checkboxSchema,
  runwayDays: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, `a whole number of days from ${MIN_RUNWAY_DAYS} to ${MAX_RUNWAY_DAYS}`)
    .transform(Number)
    .refine((days) => days >= MIN_RUNWAY_DAYS && days <= MAX_RUNWAY_DAYS, `from ${MIN_RUNWAY_DAYS} to ${MAX_RUNWAY_DAYS} days`),
});

export async function getSpendAlertChoices(db: Queryable, accountId: string): Promise<SpendAlertChoices> {
  const rows = await db
    .select({
      budgetAlerts: alertPreferences.budgetAlerts,
      runwayAlert: alertPreferences.runwayAlert,
      runwayDays: alertPreferences.runwayDays,
      anomalyAlert: alertPreferences.anomalyAlert,
    })
    .from(alertPreferences)
    .where(eq(alertPreferences.accountId, accountId));
  return rows[0] ?? ALL_SPEND_ALERTS;
}

/** Saves the spend alerts' switches of the session's own account; the standing emails' choices stay as they are. */
export async function setSpendAlertChoices(db: Database, session: AppSession, choices: SpendAlertChoices): Promise<void> {
  // One statement, like setAlertChoices: the account is found by the session's user id in the insert.
  await db
    .insert(alertPreferences)
    .select(ownPreferencesRow(db, session, { ...ALL_ALERTS, ...choices }))
    .onConflictDoUpdate({
      target: alertPreferences.accountId,
      set: { ...choices, updatedAt: sql`now()` },
    });
}
