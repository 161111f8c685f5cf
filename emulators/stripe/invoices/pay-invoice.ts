import type Stripe from "stripe";
import { attachPaymentMethod, resolvePaymentMethod } from "../cards/payment-method-actions";
import { cardError, EmulatorError, invalidRequestError } from "../core/errors";
import { nowSeconds } from "../core/ids";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { buildPaymentIntent } from "../payments/build-payment-intent";
import { confirmPaymentIntent } from "../payments/confirm-payment-intent";
import { finalizeInvoice } from "./finalize-invoice";
import { findOrCreateInvoicePayment, markInvoicePaid } from "./mark-invoice-paid";

export type PayOptions = { paymentMethodId?: string; isOffSession: boolean; isPaidOutOfBand: boolean };

function choosePaymentMethod(emulator: Emulator, invoice: Stripe.Invoice, requested?: string): string {
  const customerId = readId(invoice.customer);
  const customerDefault = customerId
    ? readId(emulator.state.customers[customerId]?.invoice_settings.default_payment_method)
    : null;
  const chosen = requested ?? readId(invoice.default_payment_method) ?? customerDefault;
  if (!chosen) {
    throw invalidRequestError(
      "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
      { param: "payment_method" },
    );
  }
  return chosen;
}

// The invoice's intent: the one a declined attempt left behind, or a new one for `amount_due`.
function findOrCreateIntent(emulator: Emulator, invoice: Stripe.Invoice): Stripe.PaymentIntent {
  const open = Object.values(emulator.state.invoicePayments).find(
    (payment) => payment.invoice === invoice.id && payment.status === "open",
  );
  const existing = open ? emulator.state.paymentIntents[readId(open.payment.payment_intent) ?? ""] : undefined;
  if (existing && existing.status === "requires_payment_method") return existing;
  const intent = buildPaymentIntent({
    amount: invoice.amount_remaining,
    currency: invoice.currency,
    customer: readId(invoice.customer),
    paymentMethod: null,
    metadata: {},
    description: `Payment for Invoice ${invoice.number ?? invoice.id}`,
    receiptEmail: null,
    setupFutureUsage: null,
    paymentMethodTypes: ["card"],
  });
  emulator.state.paymentIntents[intent.id] = intent;
  recordEvent(emulator, "payment_intent.created", intent);
  findOrCreateInvoicePayment(emulator, invoice, intent);
  return intent;
}

function recordFailedAttempt(emulator: Emulator, invoice: Stripe.Invoice): void {
  invoice.attempted = true;
  invoice.attempt_count += 1;
  invoice.next_payment_attempt = null;
  recordEvent(emulator, "invoice.payment_failed", invoice);
}

function payOutOfBand(emulator: Emulator, invoice: Stripe.Invoice): void {
  invoice.amount_paid_off_stripe = invoice.amount_remaining;
  invoice.amount_paid += invoice.amount_remaining;
  invoice.amount_remaining = 0;
  invoice.status = "paid";
  invoice.status_transitions.paid_at = nowSeconds();
  recordEvent(emulator, "invoice.paid", invoice);
}

// POST /v1/invoices/:id/pay. A draft is finalized first, as Stripe does. A decline throws the 402
// card error and leaves the invoice `open` with one more attempt and `invoice.payment_failed`.
export function payInvoice(emulator: Emulator, invoice: Stripe.Invoice, options: PayOptions): void {
  if (invoice.status === "draft") finalizeInvoice(emulator, invoice);
  if (invoice.status === "paid") {
    throw invalidRequestError("Invoice is already paid", { code: "invoice_already_paid" });
  }
  if (invoice.status !== "open") {
    throw invalidRequestError(`You cannot pay an invoice with status ${invoice.status ?? "unknown"}.`, {
      code: "invoice_not_editable",
    });
  }
  if (options.isPaidOutOfBand) return payOutOfBand(emulator, invoice);
  const paymentMethod = resolvePaymentMethod(
    emulator,
    choosePaymentMethod(emulator, invoice, options.paymentMethodId),
    "payment_method",
  );
  const customerId = readId(invoice.customer);
  if (customerId && !paymentMethod.customer) attachPaymentMethod(emulator, paymentMethod, customerId);
  const intent = findOrCreateIntent(emulator, invoice);
  try {
    confirmPaymentIntent(emulator, intent, {
      paymentMethod,
      isOffSession: options.isOffSession,
      isAuthenticated: false,
    });
  } catch (error) {
    if (error instanceof EmulatorError && error.status === 402) recordFailedAttempt(emulator, invoice);
    throw error;
  }
  if (intent.status === "requires_action") {
    recordFailedAttempt(emulator, invoice);
    throw cardError({
      code: "invoice_payment_intent_requires_action",
      message: "This payment requires additional user action before it can be completed successfully.",
      payment_intent: structuredClone(intent),
    });
  }
  // A bank debit stays `processing`: the invoice stays open until it settles.
  if (intent.status === "succeeded") markInvoicePaid(emulator, invoice, intent);
}
