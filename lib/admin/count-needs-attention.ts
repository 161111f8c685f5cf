import "server-only";
import { and, countDistinct, desc, eq, gte, inArray, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import {
  autoRechargeSettings,
  billingAccounts,
  emailOutbox,
  reconciliationRuns,
  stripeEventFailures,
  stripeEvents,
} from "@/lib/db/schema";
import { selectValues } from "@/lib/db/select-values";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/email/email-retry";

export type NeedsAttention = {
  /** Stripe events whose every attempt failed (a later success resolves one). */
  failedEvents: number;
  /** Differences the last finished reconciliation found (0 when it found none or none ran yet). */
  drift: number;
  /** Whether the last finished reconciliation stopped on an error (so its drift is unknown). */
  isLastReconciliationFailed: boolean;
  /** Emails given up on after every try. */
  givenUpEmails: number;
  /** Accounts in grace or frozen whose auto-recharge is on but paused (a declined card, 3-D Secure). */
  pausedAccounts: number;
};

/**
 * What needs an operator today, for the admin overview, in one statement (one snapshot). Called only
 * through getAdminOverview, which checks the operator role.
 */
export async function countNeedsAttention(db: Queryable): Promise<NeedsAttention> {
  const lastRun = db
    .select({ driftCount: reconciliationRuns.driftCount, errorCode: reconciliationRuns.errorCode })
    .from(reconciliationRuns)
    .where(isNotNull(reconciliationRuns.finishedAt))
    .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
    .limit(1);
  const counts = await selectValues(db, {
    failedEvents: sql<number>`(${db
      .select({ n: countDistinct(stripeEventFailures.eventId) })
      .from(stripeEventFailures)
      .where(
        notExists(
          db
            .select({ one: sql`1` })
            .from(stripeEvents)
            .where(eq(stripeEvents.id, stripeEventFailures.eventId)),
        ),
      )})`.mapWith(Number),
    lastDrift: sql<number | null>`(select drift_count from (${lastRun}) as last_run)`.mapWith(Number),
    lastError: sql<string | null>`(select error_code from (${lastRun}) as last_run)`,
    givenUpEmails: db.$count(
      emailOutbox,
      and(isNull(emailOutbox.sentAt), gte(emailOutbox.attempts, MAX_EMAIL_ATTEMPTS)),
    ),
    pausedAccounts: db.$count(
      billingAccounts,
      and(
        inArray(billingAccounts.state, ["grace", "frozen"]),
        sql`exists (${db
          .select({ one: sql`1` })
          .from(autoRechargeSettings)
          .where(
            and(
              eq(autoRechargeSettings.billingAccountId, billingAccounts.id),
              eq(autoRechargeSettings.enabled, true),
              isNotNull(autoRechargeSettings.pausedAt),
            ),
          )})`,
      ),
    ),
  });
  return {
    failedEvents: counts.failedEvents,
    drift: counts.lastDrift ?? 0,
    isLastReconciliationFailed: counts.lastError !== null,
    givenUpEmails: counts.givenUpEmails,
    pausedAccounts: counts.pausedAccounts,
  };
}
