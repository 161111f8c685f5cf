import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { crashPoint } from "@/lib/faults/crash-point";
import { netCentsOf, recordInvoice } from "@/lib/invoices/record-invoice";
import { getLogger } from "@/lib/observability/logger";
import { getStripe } from "@/lib/stripe/get-stripe";
import { creditCardPayment } from "./credit-card-payment";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { paidIntentIdOf, retrieveInvoiceWithPayments } from "./invoice-payment";
import { getPaymentMetrics } from "./payment-metrics";
import { sendPaymentNoticesNow } from "./payment-notices";
import { callStripe } from "./stripe-error";
import { centsToMicros } from "./top-up-amount";

export const AUTO_RECHARGE_PURPOSE = "auto_recharge";

export type AutoRechargeCredit = { owner: BillingOwner; invoiceId: string; paymentIntentId: string; isNewCredit: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function chargeOf(intent: Stripe.PaymentIntent): Stripe.Charge | null {
  return typeof intent.latest_charge === "object" ? intent.latest_charge : null;
}

/** Whether an invoice is one the auto-recharge job made (its metadata, set by us at creation). */
export function isAutoRechargeInvoice(invoice: Stripe.Invoice): boolean {
  return invoice.metadata?.purpose === AUTO_RECHARGE_PURPOSE && Boolean(invoice.metadata.billing_account_id);
}

/**
 * Credits a paid auto-recharge invoice exactly once: one `top_up` transfer keyed `payment_intent:<pi>`
 * (the PaymentIntent that paid the invoice, so refunds and disputes of its charge find the credit) for
 * the invoice's NET amount (tax is owed to the state, never spendable credit), the request marked
 * succeeded with its payment ids and receipt, and the invoice indexed, in one transaction. Called by
 * the job right after paying, by the `invoice.*` webhooks and by reconciliation, in any order and any
 * number of times. Re-reads the invoice from Stripe; undefined when it is not a paid auto-recharge of ours.
 */
export async function fulfillAutoRecharge(db: Database, invoiceId: string): Promise<AutoRechargeCredit | undefined> {
  return fulfillAutoRechargeInvoice(db, await retrieveInvoiceWithPayments(invoiceId));
}

/** `fulfillAutoRecharge` for an invoice the caller has just read with `expand: ["payments"]`. */
export async function fulfillAutoRechargeInvoice(db: Database, invoice: Stripe.Invoice): Promise<AutoRechargeCredit | undefined> {
  if (!isAutoRechargeInvoice(invoice) || invoice.status !== "paid" || invoice.currency !== "usd") return undefined;
  const intentId = paidIntentIdOf(invoice);
  if (!intentId) {
    // Marked paid outside a card payment (an operator in the dashboard): no money came in to credit.
    getLogger().warn({ invoice: invoice.id }, "auto-recharge invoice paid without a PaymentIntent; not credited");
    return undefined;
  }
  const owner = await findBillingOwner(db, invoice.metadata!.billing_account_id!);
  if (!owner) return undefined;
  const intent = await callStripe("checking the auto-recharge", () =>
    getStripe().paymentIntents.retrieve(intentId, { expand: ["latest_charge"] }),
  );
  const charge = chargeOf(intent);
  const amountMicros = centsToMicros(netCentsOf(invoice));
  const given = invoice.metadata?.auto_recharge_id ?? "";
  const rechargeId = UUID.test(given) ? given : null;
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
      metadata: { payment_intent_id: intent.id, invoice_id: invoice.id, ...(rechargeId ? { auto_recharge_id: rechargeId } : {}) },
      cause: `auto-recharge ${intent.id}`,
      receiptUrl: charge?.receipt_url ?? null,
    });
    await tx.execute(sql`update auto_recharges set transfer_id = ${posted.id} where id::text = ${rechargeId} and billing_account_id = ${owner.accountId}`);
    await recordInvoice(
      tx,
      invoice,
      { accountId: owner.accountId, source: "auto_recharge", autoRechargeId: rechargeId },
      { paymentIntentId: intent.id, chargeId: charge?.id ?? null },
    );
    crashPoint("auto-recharge:before-commit");
    return { transfer: posted };
  });
  crashPoint("auto-recharge:after-commit");
  if (!transfer.isReplay) {
    const metrics = getPaymentMetrics();
    metrics.autoRecharges.inc({ outcome: "succeeded" });
    metrics.topUpMicros.inc(Number(amountMicros));
    getLogger().info({ invoice: invoice.id, intent: intent.id, account: owner.accountId, micros: amountMicros.toString() }, "auto-recharge credited");
    await sendPaymentNoticesNow(db, owner.accountId);
  }
  return { owner, invoiceId: invoice.id, paymentIntentId: intent.id, isNewCredit: !transfer.isReplay };
}
