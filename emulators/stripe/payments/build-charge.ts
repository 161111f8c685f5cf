import type Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";

export type ChargeFailure = { code: string; declineCode: string; message: string };

export type ChargeInput = {
  intent: Stripe.PaymentIntent;
  paymentMethod: Stripe.PaymentMethod;
  status: "succeeded" | "failed" | "pending";
  failure: ChargeFailure | null;
  publicUrl: string;
};

function describePaymentMethod(
  paymentMethod: Stripe.PaymentMethod,
  amount: number,
): Stripe.Charge.PaymentMethodDetails {
  const bank = paymentMethod.us_bank_account;
  if (bank) {
    return {
      type: "us_bank_account",
      us_bank_account: {
        account_holder_type: bank.account_holder_type,
        account_type: bank.account_type,
        bank_name: bank.bank_name,
        fingerprint: bank.fingerprint,
        last4: bank.last4,
        payment_reference: null,
        routing_number: bank.routing_number,
      },
    };
  }
  const card = paymentMethod.card;
  return {
    type: "card",
    card: {
      amount_authorized: amount,
      authorization_code: null,
      brand: card?.brand ?? null,
      checks: card?.checks ?? null,
      country: card?.country ?? null,
      electronic_commerce_indicator: null,
      exp_month: card?.exp_month ?? 12,
      exp_year: card?.exp_year ?? 2030,
      fingerprint: card?.fingerprint ?? null,
      funding: card?.funding ?? null,
      installments: null,
      last4: card?.last4 ?? null,
      mandate: null,
      network: card?.brand ?? null,
      network_transaction_id: null,
      regulated_status: "unregulated",
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
  };
}

function describeOutcome(status: ChargeInput["status"], failure: ChargeFailure | null): Stripe.Charge.Outcome {
  const base = {
    advice_code: null,
    network_advice_code: null,
    network_decline_code: null,
    risk_level: "normal",
    risk_score: 20,
  };
  if (status === "failed") {
    return {
      ...base,
      network_status: "declined_by_network",
      reason: failure?.declineCode ?? "generic_decline",
      seller_message: "The bank did not return any further details with this decline.",
      type: "issuer_declined",
    };
  }
  return {
    ...base,
    network_status: "approved_by_network",
    reason: null,
    seller_message: "Payment complete.",
    type: "authorized",
  };
}

export function buildCharge({ intent, paymentMethod, status, failure, publicUrl }: ChargeInput): Stripe.Charge {
  const id = createId("ch");
  const isPaid = status === "succeeded";
  return {
    id,
    object: "charge",
    amount: intent.amount,
    amount_captured: isPaid ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: isPaid ? createId("txn") : null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: "EMULATOR",
    captured: isPaid,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: describeOutcome(status, failure),
    paid: isPaid,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: describePaymentMethod(paymentMethod, intent.amount),
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: `${publicUrl}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status,
    transfer_data: null,
    transfer_group: null,
  };
}
