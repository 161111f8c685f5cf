import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { crashPoint } from "@/lib/faults/crash-point";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { creditCardPayment } from "./credit-card-payment";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { getPaymentMetrics } from "./payment-metrics";
import { sendPaymentNoticesNow } from "./payment-notices";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export const AUTO_RECHARGE_PURPOSE = "auto_recharge";

export type AutoRechargeCredit = { owner: BillingOwner; paymentIntentId: string; isNewCredit: boolean };

function chargeOf(intent: Stripe.PaymentIntent): Stripe.Charge | null {
  return typeof intent.latest_charge === "object" ? intent.latest_charge : null;
}

/**
 * Credits a succeeded off-session auto-recharge PaymentIntent exactly once: one `top_up` transfer keyed
 * `payment_intent:<pi id>`, and the recharge row marked succeeded, in one transaction. Called by the
 * job right after the charge, by the `payment_intent.succeeded` webhook and by reconciliation, in any
 * order. Re-reads the intent from Stripe; undefined when it is not a succeeded auto-recharge of ours.
 */
export async function fulfillAutoRecharge(db: Database, intentId: string): Promise<AutoRechargeCredit | undefined> {
  const intent = await callStripe("checking the auto-recharge", () =>
    getStripe().paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }),
  );
  const accountId = intent.metadata?.billing_account_id;
  if (intent.metadata?.purpose !== AUTO_RECHARGE_PURPOSE || !accountId || intent.status !== "succeeded" || intent.currency !== "usd") {
    return undefined;
  }
  const owner = await findBillingOwner(db, accountId);
  if (!owner) return undefined;
  const charge = chargeOf(intent);
  const amountMicros = centsToMicros(intent.amount_received || intent.amount);
  const rechargeId = intent.metadata.auto_recharge_id ?? null;
  const { transfer } = await runTransaction(db, async (tx) => {
    // Mark the request done first, so the posting's own threshold check sees nothing in flight.
    await tx.execute(sql`
      update auto_recharges set status = 'succeeded', payment_intent_id = ${intent.id}, charge_id = ${charge?.id ?? null},
        receipt_url = ${charge?.receipt_url ?? null}, amount_micros = ${amountMicros}, updated_at = now()
      where id::text = ${rechargeId} and billing_account_id = ${owner.accountId}`);
    const { transfer: posted } = await creditCardPayment(tx, {
      owner,
      idempotencyKey: `payment_intent:${intent.id}`,
      amountMicros,
      reason: "Auto-recharge from the saved card",
      metadata: { payment_intent_id: intent.id, ...(rechargeId ? { auto_recharge_id: rechargeId } : {}) },
      cause: `auto-recharge ${intent.id}`,
      receiptUrl: charge?.receipt_url ?? null,
    });
    await tx.execute(sql`update auto_recharges set transfer_id = ${posted.id} where id::text = ${rechargeId} and billing_account_id = ${owner.accountId}`);
    crashPoint("auto-recharge:before-commit");
    return { transfer: posted };
  });
  crashPoint("auto-recharge:after-commit");
  if (!transfer.isReplay) {
    const metrics = getPaymentMetrics();
    metrics.autoRecharges.inc({ outcome: "succeeded" });
    metrics.topUpMicros.inc(Number(amountMicros));
    getLogger().info({ intent: intent.id, account: owner.accountId, micros: amountMicros.toString() }, "auto-recharge credited");
    await sendPaymentNoticesNow(db, owner.accountId);
  }
  return { owner, paymentIntentId: intent.id, isNewCredit: !transfer.isReplay };
}
