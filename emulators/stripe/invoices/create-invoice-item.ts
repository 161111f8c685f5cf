import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import { getCustomerOrThrow, getInvoiceOrThrow } from "../core/lookup";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { buildInvoiceLine } from "./build-invoice";
import { customerCountry } from "./finalize-invoice";
import { applyInvoiceTotals } from "./invoice-totals";

export type InvoiceItemInput = {
  customer: string;
  invoice?: string;
  amount: number;
  currency: string;
  description: string | null;
  metadata: Stripe.Metadata;
};

// Puts an item on a draft invoice as its `il_…` line and recomputes the draft's totals.
export function addItemToInvoice(emulator: Emulator, invoice: Stripe.Invoice, item: Stripe.InvoiceItem): void {
  item.invoice = invoice.id;
  invoice.lines.data.push(
    buildInvoiceLine({
      invoiceId: invoice.id,
      amount: item.amount,
      currency: item.currency,
      description: item.description,
      metadata: { ...(item.metadata ?? {}) },
      invoiceItemId: item.id,
      quantity: item.quantity,
    }),
  );
  applyInvoiceTotals(invoice, { taxCountry: customerCountry(emulator, invoice) });
}

function requireDraftFor(emulator: Emulator, input: InvoiceItemInput): Stripe.Invoice | null {
  if (input.invoice === undefined) return null;
  const invoice = getInvoiceOrThrow(emulator.state, input.invoice, "invoice");
  if (invoice.status !== "draft") {
    throw invalidRequestError(`You can only add invoice items to draft invoices; ${invoice.id} is ${invoice.status}.`, {
      param: "invoice",
      code: "invoice_not_editable",
    });
  }
  if (readId(invoice.customer) !== input.customer) {
    throw invalidRequestError(`The invoice ${invoice.id} belongs to a different customer.`, { param: "invoice" });
  }
  if (invoice.currency !== input.currency) {
    throw invalidRequestError(
      `The currency of this invoice item (${input.currency}) does not match the invoice's currency (${invoice.currency}).`,
      { param: "currency" },
    );
  }
  return invoice;
}

export function createInvoiceItem(emulator: Emulator, input: InvoiceItemInput): Stripe.InvoiceItem {
  getCustomerOrThrow(emulator.state, input.customer, "customer");
  const invoice = requireDraftFor(emulator, input);
  const now = nowSeconds();
  const item: Stripe.InvoiceItem = {
    id: createId("ii"),
    object: "invoiceitem",
    amount: input.amount,
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    date: now,
    description: input.description,
    discountable: true,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: input.metadata,
    parent: null,
    period: { start: now, end: now },
    pricing: null,
    proration: false,
    quantity: 1,
    // JSON carries the decimal as a string; the SDK makes its Decimal from it when reading.
    quantity_decimal: "1" as unknown as Stripe.InvoiceItem["quantity_decimal"],
    tax_rates: [],
    test_clock: null,
  };
  emulator.state.invoiceItems[item.id] = item;
  if (invoice) addItemToInvoice(emulator, invoice, item);
  recordEvent(emulator, "invoiceitem.created", item);
  return item;
}
