import type Stripe from "stripe";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { taxRateFor } from "../tax/tax-rates";
import { buildInvoice, buildInvoiceLine } from "./build-invoice";
import { stampFinalized } from "./finalize-invoice";
import { applyInvoiceTotals, taxRateIdFor } from "./invoice-totals";
import { markInvoicePaid } from "./mark-invoice-paid";

/** The part of the session's `invoice_creation.invoice_data` the invoice copies. */
export type CheckoutInvoiceData = {
  description?: string | null;
  metadata?: Stripe.Metadata | null;
  footer?: string | null;
};

export type CheckoutInvoiceInput = {
  session: Stripe.Checkout.Session;
  paymentIntent: Stripe.PaymentIntent;
  invoiceData?: CheckoutInvoiceData | null;
};

function buildLineTaxes(
  item: Stripe.LineItem,
  country: string | null,
  isAutomaticTax: boolean,
): Stripe.InvoiceLineItem.Tax[] {
  if (!isAutomaticTax) return [];
  const percentage = taxRateFor(country);
  return [
    {
      amount: item.amount_tax,
      tax_behavior: "exclusive",
      tax_rate_details: country && percentage !== null ? { tax_rate: taxRateIdFor(country.toUpperCase()) } : null,
      taxability_reason: percentage === null ? "not_collecting" : "standard_rated",
      taxable_amount: item.amount_subtotal,
      type: "tax_rate_details",
    },
  ];
}

// Checkout's tax is the truth (the card paid it): a rounding gap between the session's total tax
// and the sum of its lines goes on the first taxed line.
function reconcileTax(lines: Stripe.InvoiceLineItem[], sessionTax: number): void {
  const taxes = lines.flatMap((line) => line.taxes ?? []);
  const gap = sessionTax - taxes.reduce((sum, tax) => sum + tax.amount, 0);
  if (gap !== 0 && taxes[0]) taxes[0].amount += gap;
}

function snapshotDetails(invoice: Stripe.Invoice, session: Stripe.Checkout.Session, emulator: Emulator): void {
  const details = session.customer_details;
  const customerId = readId(session.customer);
  const customer = customerId ? emulator.state.customers[customerId] : undefined;
  invoice.customer_name = details?.business_name ?? details?.name ?? customer?.name ?? null;
  invoice.customer_email = details?.email ?? customer?.email ?? null;
  invoice.customer_phone = details?.phone ?? customer?.phone ?? null;
  invoice.customer_address = details?.address ? structuredClone(details.address) : (customer?.address ?? null);
  invoice.customer_tax_exempt = details?.tax_exempt ?? customer?.tax_exempt ?? "none";
  invoice.customer_tax_ids = (details?.tax_ids ?? []).map((taxId) => ({ type: taxId.type, value: taxId.value }));
}

// The paid invoice of a completed payment-mode session with `invoice_creation.enabled` (Checkout
// calls this once the PaymentIntent succeeded): the session's lines, tax and customer details, the
// intent as its InvoicePayment, and the events Stripe sends for it. The caller sets `session.invoice`.
export function issueCheckoutInvoice(emulator: Emulator, input: CheckoutInvoiceInput): Stripe.Invoice {
  const { session, paymentIntent, invoiceData } = input;
  const isAutomaticTax = session.automatic_tax.enabled;
  const country = session.customer_details?.address?.country ?? null;
  const invoice = buildInvoice({
    customer: readId(session.customer),
    currency: session.currency ?? paymentIntent.currency,
    collectionMethod: "charge_automatically",
    autoAdvance: false,
    isAutomaticTax,
    description: invoiceData?.description ?? null,
    footer: invoiceData?.footer ?? null,
    metadata: { ...(invoiceData?.metadata ?? {}) },
    defaultPaymentMethod: null,
    billingReason: "manual",
    dueDate: null,
  });
  for (const item of emulator.state.checkoutExtras[session.id]?.lineItems ?? []) {
    const line = buildInvoiceLine({
      invoiceId: invoice.id,
      amount: item.amount_subtotal,
      currency: item.currency,
      description: item.description ?? null,
      metadata: {},
      invoiceItemId: null,
      quantity: item.quantity ?? 1,
    });
    line.taxes = buildLineTaxes(item, country, isAutomaticTax);
    invoice.lines.data.push(line);
  }
  if (isAutomaticTax) reconcileTax(invoice.lines.data, session.total_details?.amount_tax ?? 0);
  applyInvoiceTotals(invoice, { taxCountry: country, keepLineTaxes: true });
  snapshotDetails(invoice, session, emulator);
  emulator.state.invoices[invoice.id] = invoice;
  recordEvent(emulator, "invoice.created", invoice);
  stampFinalized(emulator, invoice);
  markInvoicePaid(emulator, invoice, paymentIntent);
  return invoice;
}
