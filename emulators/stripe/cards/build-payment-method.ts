import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";
import { fingerprintCard, type TestCard } from "./test-cards";

export type CardDetails = {
  expMonth: number;
  expYear: number;
  email?: string | null;
  name?: string | null;
  metadata?: Stripe.Metadata;
};

function buildBillingDetails(details: {
  email?: string | null;
  name?: string | null;
}): Stripe.PaymentMethod.BillingDetails {
  return { address: null, email: details.email ?? null, name: details.name ?? null, phone: null, tax_id: null };
}

export function buildCardPaymentMethod(card: TestCard, details: CardDetails): Stripe.PaymentMethod {
  return {
    id: createId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: buildBillingDetails(details),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: card.brand,
      exp_month: details.expMonth,
      exp_year: details.expYear,
      fingerprint: fingerprintCard(card.number),
      funding: card.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: details.metadata ?? {},
    type: "card",
  };
}

// The "Bank debit (settles later)" choice: a US bank account, which Stripe settles days later.
export function buildBankPaymentMethod(details: { email?: string | null; name?: string | null }): Stripe.PaymentMethod {
  return {
    id: createId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: buildBillingDetails(details),
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "us_bank_account",
    us_bank_account: {
      account_holder_type: "individual",
      account_type: "checking",
      bank_name: "STRIPE TEST BANK",
      financial_connections_account: null,
      fingerprint: "emulatorBankAcct",
      last4: "6789",
      networks: { preferred: "ach", supported: ["ach"] },
      routing_number: "110000000",
      status_details: null,
    },
  };
}
