import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import { getInvoiceOrThrow, getRefundOrThrow } from "../core/lookup";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";
import { createRefund } from "../refunds/create-refund";
import { planCreditLines, type CreditLineRequest } from "./plan-credit-lines";

export type CreditNoteRequest = {
  invoice: string;
  amount?: number;
  lines?: CreditLineRequest[];
  refunds?: Array<{ refund: string; amount_refunded?: number }>;
  refundAmount?: number;
  outOfBandAmount?: number;
  creditAmount?: number;
  reason?: Stripe.CreditNote.Reason;
  memo?: string;
  metadata: Stripe.Metadata;
};

const formatDollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function paidIntentOf(emulator: Emulator, invoice: Stripe.Invoice): string | null {
  const payment = Object.values(emulator.state.invoicePayments).find(
    (candidate) => candidate.invoice === invoice.id && candidate.status === "paid",
  );
  return readId(payment?.payment.payment_intent) ?? null;
}

// How much of a refund earlier credit notes already account for.
function creditedFromRefund(emulator: Emulator, refundId: string): number {
  return Object.values(emulator.state.creditNotes)
    .flatMap((note) => note.refunds)
    .filter((entry) => readId(entry.refund) === refundId)
    .reduce((sum, entry) => sum + entry.amount_refunded, 0);
}

// Refunds that already happened: each must be of this invoice's payment and not yet fully credited.
function readExistingRefunds(
  emulator: Emulator,
  invoice: Stripe.Invoice,
  requested: CreditNoteRequest["refunds"],
): Stripe.CreditNote.Refund[] {
  const intentId = paidIntentOf(emulator, invoice);
  return (requested ?? []).map((entry, index) => {
    const refund = getRefundOrThrow(emulator.state, entry.refund);
    if (refund.payment_intent !== intentId) {
      throw invalidRequestError(`Refund ${refund.id} is not a refund of invoice ${invoice.id}'s payment.`, {
        param: `refunds[${index}][refund]`,
      });
    }
    const amount = entry.amount_refunded ?? refund.amount;
    if (amount <= 0 || amount + creditedFromRefund(emulator, refund.id) > refund.amount) {
      throw invalidRequestError(
        `The amount_refunded (${formatDollars(amount)}) exceeds what is left of refund ${refund.id} to credit.`,
        { param: `refunds[${index}][amount_refunded]` },
      );
    }
    return { refund: refund.id, amount_refunded: amount, type: "refund", payment_record_refund: null };
  });
}

function requireCreditable(invoice: Stripe.Invoice, total: number): void {
  if (invoice.status !== "paid") {
    throw invalidRequestError(
      `The emulator issues credit notes for paid invoices only; invoice ${invoice.id} is ${invoice.status}.`,
      { param: "invoice", code: "invoice_not_editable" },
    );
  }
  const remaining = invoice.amount_paid - invoice.post_payment_credit_notes_amount;
  if (total > remaining) {
    throw invalidRequestError(
      `The credit note's total (${formatDollars(total)}) is greater than the invoice's remaining creditable amount (${formatDollars(remaining)}).`,
      { param: "amount", code: "credit_note_amount_too_large" },
    );
  }
}

function nextNumber(emulator: Emulator, invoice: Stripe.Invoice): string {
  const count = Object.values(emulator.state.creditNotes).filter((note) => note.invoice === invoice.id).length;
  return `${invoice.number ?? invoice.id}-CN-${String(count + 1).padStart(2, "0")}`;
}

function sumTaxes(lines: Stripe.CreditNoteLineItem[]): Stripe.CreditNote.TotalTax[] {
  const taxes = lines.flatMap((line) => line.taxes ?? []);
  if (taxes.length === 0) return [];
  const [first] = taxes;
  return [
    {
      ...first!,
      amount: taxes.reduce((sum, tax) => sum + tax.amount, 0),
      taxable_amount: taxes.reduce((sum, tax) => sum + (tax.taxable_amount ?? 0), 0),
    },
  ];
}

// POST /v1/credit_notes on a paid invoice. Validates everything before refunding anything, so a
// refused note leaves no refund behind; `refund_amount` refunds now through the refund code.
export function createCreditNote(emulator: Emulator, request: CreditNoteRequest): Stripe.CreditNote {
  const invoice = getInvoiceOrThrow(emulator.state, request.invoice, "invoice");
  const lines = planCreditLines(invoice, request);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const totalTaxes = sumTaxes(lines);
  const total = subtotal + totalTaxes.reduce((sum, tax) => sum + tax.amount, 0);
  if (request.amount !== undefined && request.lines?.length && request.amount !== total) {
    throw invalidRequestError(`The amount (${request.amount}) does not match the total of the lines (${total}).`, {
      param: "amount",
    });
  }
  requireCreditable(invoice, total);
  const existingRefunds = readExistingRefunds(emulator, invoice, request.refunds);
  const refunded = existingRefunds.reduce((sum, entry) => sum + entry.amount_refunded, 0);
  const refundNow = request.refundAmount ?? 0;
  const outOfBand = request.outOfBandAmount ?? 0;
  const isSplitGiven =
    request.refunds?.length ||
    request.refundAmount !== undefined ||
    request.outOfBandAmount !== undefined ||
    request.creditAmount !== undefined;
  // Stripe credits the customer's balance with whatever is not refunded or settled out of band.
  const credit = isSplitGiven ? (request.creditAmount ?? 0) : total;
  if (refunded + refundNow + outOfBand + credit !== total) {
    throw invalidRequestError(
      `The sum of credit amount, refund amount and out of band amount (${formatDollars(refunded + refundNow + outOfBand + credit)}) must equal the credit note amount (${formatDollars(total)}).`,
      { param: "amount" },
    );
  }
  const intentId = paidIntentOf(emulator, invoice);
  if (refundNow > 0 && !intentId) {
    throw invalidRequestError(`Invoice ${invoice.id} has no payment to refund.`, { param: "refund_amount" });
  }
  const refunds = [...existingRefunds];
  if (refundNow > 0) {
    const refund = createRefund(emulator, { paymentIntentId: intentId ?? undefined, amount: refundNow });
    refunds.push({ refund: refund.id, amount_refunded: refundNow, type: "refund", payment_record_refund: null });
  }
  const customerId = readId(invoice.customer);
  const customer = customerId ? emulator.state.customers[customerId] : undefined;
  if (customer && credit > 0) customer.balance -= credit;
  const id = createId("cn");
  const now = nowSeconds();
  const note: Stripe.CreditNote = {
    id,
    object: "credit_note",
    amount: total,
    amount_shipping: 0,
    created: now,
    currency: invoice.currency,
    customer: customerId ?? "",
    customer_account: null,
    customer_balance_transaction: null,
    discount_amount: 0,
    discount_amounts: [],
    effective_at: now,
    invoice: invoice.id,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/credit_notes/${id}/lines` },
    livemode: false,
    memo: request.memo ?? null,
    metadata: request.metadata,
    number: nextNumber(emulator, invoice),
    out_of_band_amount: outOfBand > 0 ? outOfBand : null,
    pdf: `${emulator.config.publicUrl}/cn/${id}/pdf`,
    post_payment_amount: total,
    pre_payment_amount: 0,
    pretax_credit_amounts: [],
    reason: request.reason ?? null,
    refunds,
    shipping_cost: null,
    status: "issued",
    subtotal,
    subtotal_excluding_tax: subtotal,
    total,
    total_excluding_tax: subtotal,
    total_taxes: totalTaxes,
    type: "post_payment",
    voided_at: null,
  };
  emulator.state.creditNotes[id] = note;
  const before = structuredClone(invoice);
  invoice.post_payment_credit_notes_amount += total;
  recordEvent(emulator, "credit_note.created", note);
  recordEvent(emulator, "invoice.updated", invoice, diffAttributes(before, invoice));
  return note;
}
