import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/lib/db/client";
import { autoRecharges } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { fulfillAutoRechargeInvoice, isAutoRechargeInvoice } from "./fulfill-auto-recharge";
import { findBillingOwner, type BillingOwner } from "./get-billing-account-for-user";
import { paidIntentIdOf, retrieveInvoiceWithPayments } from "./invoice-payment";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";

/**
 * The auto-recharge a card charge paid for, credited: the request that recorded its PaymentIntent, or,
 * when a refund or dispute comes before the credit (a job that died after paying), the customer's
 * paid auto-recharge invoice whose payment is this charge's PaymentIntent, credited now through the
 * one fulfilment. Undefined: not an auto-recharge.
 */
export async function findAutoRechargeCredit(db: Database, charge: Stripe.Charge): Promise<BillingOwner | undefined> {
  const intentId = idOf(charge.payment_intent);
  if (!intentId) return undefined;
  const [row] = await db
    .select({ accountId: autoRecharges.billingAccountId })
    .from(autoRecharges)
    .where(and(eq(autoRecharges.paymentIntentId, intentId), isNotNull(autoRecharges.transferId)));
  if (row) {
    const owner = await findBillingOwner(db, row.accountId);
    if (!owner) throw new AppError("internal", { message: `Auto-recharge ${intentId} names a missing account.` });
    return owner;
  }
  const customer = idOf(charge.customer);
  if (!customer) return undefined;
  const recent = await callStripe("finding the charge's invoice", () => getStripe().invoices.list({ customer, limit: 20 }));
  for (const listed of recent.data) {
    if (!isAutoRechargeInvoice(listed) || listed.status !== "paid") continue;
    const invoice = await retrieveInvoiceWithPayments(listed.id);
    if (paidIntentIdOf(invoice) !== intentId) continue;
    return (await fulfillAutoRechargeInvoice(db, invoice))?.owner;
  }
  return undefined;
}
