import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { topUps } from "@/lib/db/schema";
import { getAutoRechargeState } from "@/lib/payments/auto-recharge-settings";

export type PaymentAttention =
  | { kind: "auto_recharge_paused"; reason: string | null; at: Date; recoveryUrl: string | null }
  | { kind: "failed"; amountMicros: bigint; at: Date; reason: string | null }
  | { kind: "pending"; amountMicros: bigint; since: Date };

// A payment still "processing" after this long (a delayed method) is worth mentioning.
const PENDING_NOTICE_MS = 10 * 60_000;
// Failures older than this, or followed by a paid top-up, no longer need anything from the owner.
const FAILURE_NOTICE_MS = 7 * 24 * 3_600_000;

/**
 * A payment of the account that needs its owner's attention, most urgent first: auto-recharge paused
 * after a declined or authentication-needing charge (until the owner pays the emailed Checkout link or
 * resumes it), the newest card top-up failed (and nothing was paid since), or one is still settling.
 * `accountId` comes from getOwnAccount, i.e. from the session.
 */
export async function getPaymentAttention(db: Queryable, accountId: string, now = new Date()): Promise<PaymentAttention | null> {
  const [autoRecharge, rows] = await Promise.all([
    getAutoRechargeState(db, accountId),
    db
      .select({ status: topUps.status, amountMicros: topUps.amountMicros, updatedAt: topUps.updatedAt, createdAt: topUps.createdAt, failureReason: topUps.failureReason })
      .from(topUps)
      .where(and(eq(topUps.billingAccountId, accountId), inArray(topUps.status, ["paid", "failed", "processing"])))
      .orderBy(desc(topUps.createdAt))
      .limit(1),
  ]);
  if (autoRecharge?.needsAttention) {
    return { kind: "auto_recharge_paused", reason: autoRecharge.pausedReason, at: autoRecharge.pausedAt!, recoveryUrl: autoRecharge.recoveryUrl };
  }
  const latest = rows[0];
  if (!latest) return null;
  const { updatedAt, createdAt } = latest;
  if (latest.status === "failed" && now.getTime() - updatedAt.getTime() < FAILURE_NOTICE_MS) {
    return { kind: "failed", amountMicros: latest.amountMicros, at: updatedAt, reason: latest.failureReason };
  }
  if (latest.status === "processing" && now.getTime() - createdAt.getTime() > PENDING_NOTICE_MS) {
    return { kind: "pending", amountMicros: latest.amountMicros, since: createdAt };
  }
  return null;
}
