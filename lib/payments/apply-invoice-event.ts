import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { topUps } from "@/lib/db/schema";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { fulfillAutoRechargeInvoice, isAutoRechargeInvoice } from "./fulfill-auto-recharge";
import { paidIntentIdOf, retrieveInvoiceWithPayments } from "./invoice-payment";
import { sendPaymentNoticesNow } from "./payment-notices";

export const TOP_UP_PURPOSE = "top_up";

export type InvoiceEffect = { accountId: string; note: string; isNew: boolean };

/**
 * Indexes a Checkout top-up's invoice that Stripe attached after the top-up was credited (the credit
 * itself records it when the invoice is already there). The top-up is found by the PaymentIntent that
 * paid the invoice and must belong to the account the invoice names. Undefined: no credited top-up yet
 * (its fulfilment records the invoice when it comes) or not ours.
 */
export async function recordTopUpInvoice(db: Database, invoice: Stripe.Invoice): Promise<InvoiceEffect | undefined> {
  const accountId = invoice.metadata?.billing_account_id;
  const intentId = paidIntentIdOf(invoice);
  if (invoice.metadata?.purpose !== TOP_UP_PURPOSE || !accountId || !intentId) return undefined;
  const [topUp] = await db
    .select({ sessionId: topUps.checkoutSessionId, accountId: topUps.billingAccountId, chargeId: topUps.chargeId, status: topUps.status })
    .from(topUps)
    .where(eq(topUps.paymentIntentId, intentId));
  if (!topUp || topUp.accountId !== accountId || topUp.status !== "paid") return undefined;
  const recorded = await runTransaction(db, (tx) =>
    recordInvoice(tx, invoice, { accountId, source: "checkout", checkoutSessionId: topUp.sessionId }, { paymentIntentId: intentId, chargeId: topUp.chargeId }),
  );
  // The invoice email its first paid record owed goes now, like the payment's receipt; else the sweep sends it.
  if (recorded.emailIds.length > 0) await sendPaymentNoticesNow(db, accountId);
  return { accountId, note: "top-up invoice recorded", isNew: true };
}

/**
 * `invoice.paid`, `invoice.payment_succeeded`, `invoice.finalized`, `invoice.updated`: re-reads the
 * invoice. A paid auto-recharge invoice is credited (exactly once, as the job does); a top-up's invoice
 * is indexed beside its top-up; anything else (an unpaid invoice, one not ours) is ignored.
 */
export async function applyInvoiceEvent(db: Database, invoiceId: string): Promise<InvoiceEffect | undefined> {
  const invoice = await retrieveInvoiceWithPayments(invoiceId);
  if (isAutoRechargeInvoice(invoice)) {
    const credit = await fulfillAutoRechargeInvoice(db, invoice);
    return credit ? { accountId: credit.owner.accountId, note: "auto-recharge credited", isNew: credit.isNewCredit } : undefined;
  }
  return recordTopUpInvoice(db, invoice);
}
