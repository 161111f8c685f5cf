import "server-only";
import { sql } from "drizzle-orm";
import { formatMicros } from "@/lib/billing/rate-units";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
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
 * The email each failed recharge owes (with a fresh Checkout link for the same amount, which also saves
 * the card it is paid with and resumes auto-recharge), recorded in the outbox once and sent at once. The
 * link is a Stripe object, made before the transaction that records the email (keyed by the recharge)
 * and marks the recharge `notified_at`; until that commits, the failed recharge stays on the
 * auto-recharge sweep (lib/jobs/start-jobs.ts), so a Stripe outage or a crash only delays the email. SMTP
 * failures are the outbox's to retry (lib/email/send-outbox-emails.ts). Returns how many emails went out.
 */
export async function sendAutoRechargeNotices(db: Database, accountId: string): Promise<number> {
  const pending = await db.execute<{ id: string; code: RechargeFailure["code"]; amount: string | null; url: string | null }>(sql`
    select id::text, failure_code as code, amount_micros::text as amount, recovery_url as url from auto_recharges
    where billing_account_id = ${accountId} and status = 'failed' and notified_at is null order by created_at`);
  const owner = pending.rows.length > 0 ? await findBillingOwner(db, accountId) : undefined;
  if (!owner?.email) return 0;
  const emailIds: bigint[] = [];
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
    const billingUrl = `${getEnv().appUrl}/account/billing`;
    const emailId = await runTransaction(db, async (tx) => {
      const claimed = await tx.execute(sql`
        update auto_recharges set recovery_url = ${url}, notified_at = now() where id = ${row.id} and notified_at is null returning id`);
      if (claimed.rows.length === 0) return undefined; // another run recorded it first
      return enqueueEmail(tx, {
        key: `auto-recharge-paused:${row.id}`,
        accountId,
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
    });
    if (emailId !== undefined) emailIds.push(emailId);
  }
  return sendOutboxEmails(db, { ids: emailIds });
}
