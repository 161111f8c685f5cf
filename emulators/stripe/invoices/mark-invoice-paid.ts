import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";

// The invoice's one InvoicePayment for this PaymentIntent (Stripe keeps one per intent: a declined
// attempt leaves it `open`, the retry with the same intent pays it).
export function findOrCreateInvoicePayment(
  emulator: Emulator,
  invoice: Stripe.Invoice,
  intent: Stripe.PaymentIntent,
): Stripe.InvoicePayment {
  const existing = Object.values(emulator.state.invoicePayments).find(
    (payment) => payment.invoice === invoice.id && payment.payment.payment_intent === intent.id,
  );
  if (existing) return existing;
  const payment: Stripe.InvoicePayment = {
    id: createId("inpay"),
    object: "invoice_payment",
    amount_paid: null,
    amount_requested: intent.amount,
    created: nowSeconds(),
    currency: intent.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: "payment_intent", payment_intent: intent.id },
    status: "open",
    status_transitions: { canceled_at: null, paid_at: null },
  };
  emulator.state.invoicePayments[payment.id] = payment;
  return payment;
}

// A succeeded PaymentIntent pays the invoice: the InvoicePayment, `paid`, and Stripe's two events.
export function markInvoicePaid(emulator: Emulator, invoice: Stripe.Invoice, intent: Stripe.PaymentIntent): void {
  const now = nowSeconds();
  const payment = findOrCreateInvoicePayment(emulator, invoice, intent);
  payment.status = "paid";
  payment.amount_paid = intent.amount_received;
  payment.status_transitions.paid_at = now;
  invoice.amount_paid += intent.amount_received;
  invoice.amount_remaining = Math.max(0, invoice.amount_due - invoice.amount_paid);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  invoice.next_payment_attempt = null;
  invoice.status = "paid";
  invoice.status_transitions.paid_at = now;
  recordEvent(emulator, "invoice.paid", invoice);
  recordEvent(emulator, "invoice.payment_succeeded", invoice);
}
