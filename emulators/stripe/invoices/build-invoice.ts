import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";

export type InvoiceInput = {
  customer: string | null;
  currency: string;
  collectionMethod: Stripe.Invoice.CollectionMethod;
  autoAdvance: boolean;
  isAutomaticTax: boolean;
  description: string | null;
  footer: string | null;
  metadata: Stripe.Metadata;
  defaultPaymentMethod: string | null;
  billingReason: Stripe.Invoice.BillingReason;
  dueDate: number | null;
};

export function buildAutomaticTax(isEnabled: boolean): Stripe.Invoice.AutomaticTax {
  if (!isEnabled) return { enabled: false, disabled_reason: null, liability: null, provider: null, status: null };
  return {
    enabled: true,
    disabled_reason: null,
    liability: { type: "self" },
    provider: "stripe",
    status: "complete",
  };
}

// A draft with no lines; totals follow the lines (see invoice-totals.ts), and finalization fills the
// number, the customer snapshot and the hosted urls.
export function buildInvoice(input: InvoiceInput): Stripe.Invoice {
  const id = createId("in");
  const created = nowSeconds();
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: "Tandem (emulated)",
    account_tax_ids: null,
    amount_due: 0,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: 0,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: input.autoAdvance,
    automatic_tax: buildAutomaticTax(input.isAutomaticTax),
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: input.collectionMethod,
    created,
    currency: input.currency,
    custom_fields: null,
    customer: input.customer,
    customer_account: null,
    customer_address: null,
    customer_email: null,
    customer_name: null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: null,
    customer_tax_ids: [],
    default_payment_method: input.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: input.description,
    discounts: [],
    due_date: input.dueDate,
    effective_at: null,
    ending_balance: null,
    footer: input.footer,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: input.metadata,
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: created,
    period_start: created,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    subtotal_excluding_tax: 0,
    test_clock: null,
    total: 0,
    total_discount_amounts: [],
    total_excluding_tax: 0,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: created,
  };
}

export type LineInput = {
  invoiceId: string;
  amount: number;
  currency: string;
  description: string | null;
  metadata: Stripe.Metadata;
  invoiceItemId: string | null;
  quantity: number;
};

export function buildInvoiceLine(input: LineInput): Stripe.InvoiceLineItem {
  const now = nowSeconds();
  return {
    id: createId("il"),
    object: "line_item",
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: input.invoiceId,
    livemode: false,
    metadata: input.metadata,
    parent: input.invoiceItemId
      ? {
          type: "invoice_item_details",
          invoice_item_details: {
            invoice_item: input.invoiceItemId,
            proration: false,
            proration_details: null,
            subscription: null,
          },
          subscription_item_details: null,
        }
      : null,
    period: { start: now, end: now },
    pretax_credit_amounts: [],
    pricing: null,
    quantity: input.quantity,
    quantity_decimal: null,
    subscription: null,
    subtotal: input.amount,
    taxes: [],
  };
}
