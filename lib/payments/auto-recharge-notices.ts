import "server-only";
import { sql } from "drizzle-orm";
import { formatMicros } from "@/lib/billing/rate-units";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { createCheckoutForOwner } from "./create-top-up-checkout";
import { findBillingOwner } from "./get-billing-account-for-user";
import { getPaymentMetrics } from "./payment-metrics";

export type RechargeFailure = {
  accountId: string;
  requestId: string;
  code: "card_declined" | "authentication_required" | "no_card";
  message: string;
  intentId: string | null;
};

/** A failed off-session charge: the request fails and auto-recharge pauses, in one transaction. */
export async function pauseAfterFailedRecharge(db: Database, failure: RechargeFailure): Promise<void> {
  await runTransaction(db, async (tx) => {
    await tx.execute(sql`
      update auto_recharges set status = 'failed', failure_code = ${failure.code}, failure_message = ${failure.message},
        payment_intent_id = coalesce(${failure.intentId}, payment_intent_id), updated_at = now()
      where id = ${failure.requestId} and status = 'charging'`);
    await tx.execute(sql`
      update auto_recharge_settings set paused_at = now(), paused_reason = ${failure.code}, updated_at = now()
      where billing_account_id = ${failure.accountId}`);
  });
  getPaymentMetrics().autoRecharges.inc({ outcome: failure.code });
  getLogger().warn({ account: failure.accountId, request: failure.requestId, code: failure.code }, "auto-recharge paused");
}

const REASON: Record<RechargeFailure["code"], string> = {
  card_declined: "your card was declined",
  authentication_required: "your bank asked to confirm the payment, which needs you to be there",
  no_card: "there is no saved card on your account",
};

/**
 * The outbox of failed recharges: each one's email (with a fresh Checkout link for the same amount,
 * which also saves the card it is paid with and resumes auto-recharge) is sent once. A row is marked
 * `notified_at` only after the send, so a failed send or a Stripe outage is retried by the next run.
 */
export async function sendAutoRechargeNotices(db: Database, accountId: string): Promise<number> {
  const pending = await db.execute<{ id: string; code: RechargeFailure["code"]; amount: string | null; url: string | null }>(sql`
    select id::text, failure_code as code, amount_micros::text as amount, recovery_url as url from auto_recharges
    where billing_account_id = ${accountId} and status = 'failed' and notified_at is null order by created_at`);
  const owner = pending.rows.length > 0 ? await findBillingOwner(db, accountId) : undefined;
  if (!owner) return 0;
  let sent = 0;
  for (const row of pending.rows) {
    const amountMicros = BigInt(row.amount ?? "25000000");
    const url =
      row.url ??
      (await createCheckoutForOwner(db, owner, {
        amountCents: Number(amountMicros / 10_000n),
        idempotencyKey: `auto-recharge-recovery:${row.id}`,
        saveCard: true,
        purpose: "auto_recharge_recovery",
      }));
    await db.execute(sql`update auto_recharges set recovery_url = ${url} where id = ${row.id}`);
    const billingUrl = `${getEnv().appUrl}/account/billing`;
    await sendEmail({
      to: owner.email,
      subject: "Auto-recharge paused: your card needs attention",
      text: [
        `We tried to add ${formatMicros(amountMicros)} to your Tandem balance, but ${REASON[row.code]}.`,
        "Auto-recharge is paused, so nothing else will be charged until you act.",
        "",
        `Pay ${formatMicros(amountMicros)} with a card now (it is saved and auto-recharge resumes): ${url}`,
        "",
        `Or change your card and resume on the billing page: ${billingUrl}`,
      ].join("\n"),
      template: "auto-recharge-paused",
    });
    await db.execute(sql`update auto_recharges set notified_at = now() where id = ${row.id}`);
    sent += 1;
  }
  return sent;
}
