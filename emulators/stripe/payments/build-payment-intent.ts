import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";

export type PaymentIntentInput = {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  metadata: Stripe.Metadata;
  description: string | null;
  receiptEmail: string | null;
  setupFutureUsage: "off_session" | "on_session" | null;
  paymentMethodTypes: string[];
};

export function buildPaymentIntent(input: PaymentIntentInput): Stripe.PaymentIntent {
  const id = createId("pi");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${createId("s").slice(2)}`,
    confirmation_method: "automatic",
    created: nowSeconds(),
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: input.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_group: null,
  };
}
