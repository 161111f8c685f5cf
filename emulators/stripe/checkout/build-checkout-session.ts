import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";
import type { LineItemParams } from "./create-session-schema";

export type SessionInput = {
  mode: "payment" | "setup";
  lineItems: Stripe.LineItem[];
  currency: string | null;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Stripe.Metadata;
  successUrl: string;
  cancelUrl: string | null;
  expiresAt: number;
  paymentMethodTypes: string[];
  publicUrl: string;
  billingAddressCollection: "auto" | "required" | null;
  isTaxIdCollectionEnabled: boolean;
  isAutomaticTaxEnabled: boolean;
  /** Payment mode only; null in setup mode (as Stripe). */
  invoiceCreation: Stripe.Checkout.Session.InvoiceCreation | null;
};

export function buildLineItem(
  item: LineItemParams & { price_data: NonNullable<LineItemParams["price_data"]> },
): Stripe.LineItem {
  const { price_data: priceData, quantity } = item;
  const currency = priceData.currency.toLowerCase();
  const total = priceData.unit_amount * quantity;
  return {
    id: createId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: total,
    amount_tax: 0,
    amount_total: total,
    currency,
    description: priceData.product_data.name,
    metadata: {},
    price: {
      id: createId("price"),
      object: "price",
      active: false,
      billing_scheme: "per_unit",
      created: nowSeconds(),
      currency,
      custom_unit_amount: null,
      livemode: false,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: createId("prod"),
      recurring: null,
      tax_behavior: priceData.tax_behavior ?? "unspecified",
      tiers_mode: null,
      transform_quantity: null,
      type: "one_time",
      unit_amount: priceData.unit_amount,
      unit_amount_decimal: null,
    },
    quantity,
  };
}

export function buildCheckoutSession(input: SessionInput): Stripe.Checkout.Session {
  const id = createId("cs_test", 58);
  const amount = input.mode === "payment" ? input.lineItems.reduce((sum, item) => sum + item.amount_total, 0) : null;
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: amount,
    amount_total: amount,
    automatic_tax: input.isAutomaticTaxEnabled
      ? { enabled: true, liability: { type: "self" }, provider: "stripe", status: "requires_location_inputs" }
      : { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: input.billingAddressCollection,
    cancel_url: input.cancelUrl,
    client_reference_id: input.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: nowSeconds(),
    currency: input.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer ? null : "if_required",
    customer_details: null,
    customer_email: input.customerEmail,
    discounts: [],
    expires_at: input.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: input.invoiceCreation,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.mode === "setup" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    payment_status: input.mode === "setup" ? "no_payment_required" : "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: input.successUrl,
    tax_id_collection: { enabled: input.isTaxIdCollectionEnabled, required: "never" },
    total_details: input.mode === "payment" ? { amount_discount: 0, amount_shipping: 0, amount_tax: 0 } : null,
    ui_mode: "hosted_page",
    url: `${input.publicUrl}/c/pay/${id}`,
    wallet_options: null,
  };
}
