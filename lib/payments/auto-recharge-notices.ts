import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getLogger } from "@/lib/observability/logger";
import { createCheckoutForOwner } from "./create-top-up-checkout";
import { findBillingOwner } from "./get-billing-account-for-user";
import { getPaymentMetrics } from "./payment-metrics";

export type RechargeFailure = {
  accountId: string;
  requestId: string;
  code: "card_declined" | "authentication_required" | "no_card" | "billing_address_missing";
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

/**
 * The email each failed recharge owes (with a fresh Checkout link for the same amount, which also saves
 * the card it is paid with and resumes auto-recharge), recorded in the outbox once and sent at once. The
 * link is a Stripe object, made before the transaction that records the email (keyed by the recharge)
 * and marks the recharge `notified_at`; until that commits, the failed recharge stays on the
 * auto-recharge sweep (lib/jobs/start-jobs.ts), so a Stripe outage or a crash only delays the email. SMTP
 * failures are the outbox's to retry (lib/email/send-outbox-emails.ts). Returns how many emails went out.
 */
export async function sendAutoRechargeNotices(db: Database, accountId: string): Promise<number> {
  const pending = await db.execute<{ id: string; code: RechargeFailure["code"]; amount: string | null; url: string | null; balance: string | null }>(sql`
    select id::text, failure_code as code, amount_micros::text as amount, recovery_url as url,
      (select balance_micros::text from ledger_accounts where billing_account_id = ${accountId} and kind = 'customer_credit') as balance
    from auto_recharges
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
    const emailId = await runTransaction(db, async (tx) => {
      const claimed = await tx.execute(sql`
        update auto_recharges set recovery_url = ${url}, notified_at = now() where id = ${row.id} and notified_at is null returning id`);
      if (claimed.rows.length === 0) return undefined; // another run recorded it first
      return enqueueEmail(tx, {
        key: `auto-recharge-paused:${row.id}`,
        accountId,
        to: owner.email,
        template: "auto-recharge-paused",
        // The balance too: the low-balance email was held back for this recharge (record-standing-emails.ts).
        data: { amountMicros: amountMicros.toString(), reason: row.code, checkoutUrl: url, ...(row.balance === null ? {} : { balanceMicros: row.balance }) },
      });
    });
    if (emailId !== undefined) emailIds.push(emailId);
  }
  return sendOutboxEmails(db, { ids: emailIds });
}
