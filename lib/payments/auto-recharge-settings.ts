import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/lib/db/client";
import { autoRechargeSettings } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import type { AutoRechargeForm } from "./auto-recharge-form";
import { getBillingAccountForUserOrThrow } from "./get-billing-account-for-user";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import { requestAutoRecharges } from "@/lib/billing/request-auto-recharge";
import { getSavedCard, makeDefaultCard } from "./saved-card";

export type AutoRechargeState = {
  enabled: boolean;
  thresholdMicros: bigint;
  targetMicros: bigint;
  monthlyCapMicros: bigint;
  /** Charged (or being charged) this calendar month, UTC. */
  spentThisMonthMicros: bigint;
  /** Why auto-recharge is paused (`card_declined`, `authentication_required`, `no_card`); null when not paused. */
  pausedReason: string | null;
  pausedAt: Date | null;
  /** The month's cap is reached: no recharge until this instant (or until the settings change). */
  cappedUntil: Date | null;
  /** A recharge is pending or being charged right now. */
  inFlight: boolean;
  /** The link emailed with the last failure: a Checkout session for the same amount. */
  recoveryUrl: string | null;
  /** True when a payment needs the person: paused after a failed charge. */
  needsAttention: boolean;
};

/** An account's auto-recharge state (null when never set up); for the billing page and the dashboard. */
export async function getAutoRechargeState(db: Queryable, accountId: string): Promise<AutoRechargeState | null> {
  const rows = await db.execute<{
    enabled: boolean; threshold: string; target: string; cap: string; paused_reason: string | null; paused_at: Date | null;
    capped_until: Date | null; spent: string; in_flight: boolean; recovery_url: string | null;
  }>(sql`
    select s.enabled, s.threshold_micros::text as threshold, s.target_micros::text as target, s.monthly_cap_micros::text as cap,
      s.paused_reason, s.paused_at, case when s.capped_until > now() then s.capped_until end as capped_until,
      (select coalesce(sum(r.amount_micros), 0)::text from auto_recharges r where r.billing_account_id = s.billing_account_id
        and r.status in ('succeeded', 'charging') and r.created_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC') as spent,
      exists (select 1 from auto_recharges r where r.billing_account_id = s.billing_account_id and r.status in ('pending', 'charging')) as in_flight,
      (select r.recovery_url from auto_recharges r where r.billing_account_id = s.billing_account_id and r.status = 'failed'
        order by r.created_at desc limit 1) as recovery_url
    from auto_recharge_settings s where s.billing_account_id = ${accountId}`);
  const row = rows.rows[0];
  if (!row) return null;
  const paused = row.paused_at !== null;
  return {
    enabled: row.enabled,
    thresholdMicros: BigInt(row.threshold),
    targetMicros: BigInt(row.target),
    monthlyCapMicros: BigInt(row.cap),
    spentThisMonthMicros: BigInt(row.spent),
    pausedReason: paused ? row.paused_reason : null,
    pausedAt: paused ? new Date(row.paused_at!) : null,
    cappedUntil: row.capped_until ? new Date(row.capped_until) : null,
    inFlight: row.in_flight,
    recoveryUrl: paused ? row.recovery_url : null,
    needsAttention: row.enabled && paused,
  };
}

// Asks for a recharge now if the balance is already under the threshold (turning on, or resuming).
async function requestIfLow(db: Database, accountId: string): Promise<void> {
  await runTransaction(db, async (tx) => {
    const account = await findBillingAccount(tx, { accountId }, { lockLedger: true });
    await requestAutoRecharges(tx, new Map([[accountId, account!.balanceMicros]]));
  });
}

/** Saves the signed-in user's own settings. Turning on needs a saved card; saving clears a reached cap. */
export async function saveAutoRechargeSettings(db: Database, userId: string, form: AutoRechargeForm): Promise<void> {
  const owner = await getBillingAccountForUserOrThrow(db, userId);
  if (form.enabled && !(await getSavedCard(db, owner))) {
    throw new AppError("validation_failed", {
      message: "Save a card first: auto-recharge charges your saved card.",
      details: { fields: [{ path: "enabled", message: "Save a card first: auto-recharge charges your saved card." }] },
    });
  }
  const micros = (cents: number) => BigInt(cents) * 10_000n;
  const settings = {
    enabled: form.enabled,
    thresholdMicros: micros(form.thresholdCents),
    targetMicros: micros(form.targetCents),
    monthlyCapMicros: micros(form.monthlyCapCents),
  };
  await db
    .insert(autoRechargeSettings)
    .values({ billingAccountId: owner.accountId, ...settings })
    .onConflictDoUpdate({ target: autoRechargeSettings.billingAccountId, set: { ...settings, cappedUntil: null, updatedAt: sql`now()` } });
  if (form.enabled) await requestIfLow(db, owner.accountId);
}

/** Resumes a paused auto-recharge of the user's own account (after they changed or re-confirmed the card). */
export async function resumeAutoRecharge(db: Database, accountId: string): Promise<void> {
  const updated = await db
    .update(autoRechargeSettings)
    .set({ pausedAt: null, pausedReason: null, cappedUntil: null, updatedAt: sql`now()` })
    .where(and(eq(autoRechargeSettings.billingAccountId, accountId), isNotNull(autoRechargeSettings.pausedAt)));
  if ((updated.rowCount ?? 0) > 0) await requestIfLow(db, accountId);
}

export async function resumeAutoRechargeForUser(db: Database, userId: string): Promise<void> {
  const owner = await getBillingAccountForUserOrThrow(db, userId);
  if (!(await getSavedCard(db, owner))) throw new AppError("validation_failed", { message: "Save a card first, then resume." });
  await resumeAutoRecharge(db, owner.accountId);
}

/**
 * After a paid top-up that asked to keep its card: the card becomes the default (Stripe does not make it
 * so by itself), and a payment made from a paused auto-recharge's email resumes it. The credit has
 * already posted, so a failure here is logged, not thrown.
 */
export async function adoptCardFromTopUp(
  db: Database,
  options: { accountId: string; customerId: string | null; paymentMethodId: string | null; resume: boolean },
): Promise<void> {
  try {
    if (options.customerId && options.paymentMethodId) await makeDefaultCard(options.customerId, options.paymentMethodId);
    if (options.resume) await resumeAutoRecharge(db, options.accountId);
  } catch (error) {
    getLogger().error({ err: error, account: options.accountId }, "could not adopt the card saved with a top-up");
  }
}
