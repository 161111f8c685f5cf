import "server-only";
import type Stripe from "stripe";
import { getStripe } from "@/lib/stripe/get-stripe";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";

/** Re-reads an invoice with its payments: since API 2025-03 the invoice no longer names its PaymentIntent. */
export async function retrieveInvoiceWithPayments(invoiceId: string): Promise<Stripe.Invoice> {
  return callStripe("reading the invoice", () => getStripe().invoices.retrieve(invoiceId, { expand: ["payments"] }));
}

/**
 * The PaymentIntent that paid an invoice read with `expand: ["payments"]`: its paid payment of type
 * `payment_intent` (a declined attempt stays an open or canceled payment, never the one we credit).
 */
export function paidIntentIdOf(invoice: Stripe.Invoice): string | null {
  const paid = (invoice.payments?.data ?? []).find(
    (entry) => entry.payment.type === "payment_intent" && entry.status === "paid" && entry.payment.payment_intent,
  );
  return idOf(paid?.payment.payment_intent ?? null);
}
