import "server-only";
import type Stripe from "stripe";
import { getStripe } from "@/lib/stripe/get-stripe";
import { callStripe } from "./stripe-error";
import { idOf } from "./stripe-ids";

/** The credit note an invoice already has for a refund, if any (one per refund: `refunds[].refund`). */
function noteForRefund(notes: Stripe.CreditNote[], refundId: string): Stripe.CreditNote | undefined {
  return notes.find((note) => note.status !== "void" && note.refunds.some((entry) => idOf(entry.refund) === refundId));
}

/**
 * The Stripe credit note for exactly a refund that already happened, against the invoice it refunds:
 * found first among the invoice's notes (a redelivered event, an answer lost after Stripe made it, a
 * note made on Stripe's side), created only when there is none, under the key `credit-note:<refund>`,
 * so two racing deliveries make one. An invoice holds far fewer than 100 notes (one per refund).
 */
export async function issueCreditNote(invoiceId: string, refund: Stripe.Refund): Promise<Stripe.CreditNote> {
  const stripe = getStripe();
  const existing = await callStripe("reading the invoice's credit notes", () =>
    stripe.creditNotes.list({ invoice: invoiceId, limit: 100 }),
  );
  const found = noteForRefund(existing.data, refund.id);
  if (found) return found;
  return callStripe("issuing a credit note for a refund", () =>
    stripe.creditNotes.create(
      { invoice: invoiceId, amount: refund.amount, refunds: [{ refund: refund.id, amount_refunded: refund.amount }] },
      { idempotencyKey: `credit-note:${refund.id}` },
    ),
  );
}
