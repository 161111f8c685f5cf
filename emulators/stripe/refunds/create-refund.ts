import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import { getChargeOrThrow, getPaymentIntentOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";

export type RefundInput = {
  chargeId?: string;
  paymentIntentId?: string;
  amount?: number;
  reason?: "duplicate" | "fraudulent" | "requested_by_customer";
  metadata?: Stripe.Metadata;
};

const formatDollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function findRefundableCharge(emulator: Emulator, input: RefundInput): Stripe.Charge {
  if (input.chargeId) return getChargeOrThrow(emulator.state, input.chargeId, "charge");
  if (!input.paymentIntentId) {
    throw invalidRequestError(
      "One of the following params should be provided for this request: payment_intent or charge.",
    );
  }
  const intent = getPaymentIntentOrThrow(emulator.state, input.paymentIntentId, "payment_intent");
  const charge = typeof intent.latest_charge === "string" ? emulator.state.charges[intent.latest_charge] : undefined;
  if (!charge || intent.status !== "succeeded") {
    throw invalidRequestError(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: "payment_intent",
      code: "charge_not_refundable",
    });
  }
  return charge;
}

function checkRefundable(charge: Stripe.Charge, amount: number): void {
  const remaining = charge.amount - charge.amount_refunded;
  if (charge.status !== "succeeded") {
    throw invalidRequestError(`Charge ${charge.id} cannot be refunded because it has not succeeded.`, {
      code: "charge_not_refundable",
    });
  }
  if (charge.disputed) {
    throw invalidRequestError(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: "charge_disputed",
    });
  }
  if (remaining <= 0) {
    throw invalidRequestError(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
  }
  if (amount <= 0) throw invalidRequestError("Invalid positive integer", { param: "amount" });
  if (amount > remaining) {
    throw invalidRequestError(
      `Refund amount (${formatDollars(amount)}) is greater than unrefunded amount on charge (${formatDollars(remaining)})`,
      { param: "amount", code: "amount_too_large" },
    );
  }
}

// A refund is immediate in test mode: the charge shows it at once and both events go out.
export function createRefund(emulator: Emulator, input: RefundInput): Stripe.Refund {
  const charge = findRefundableCharge(emulator, input);
  const amount = input.amount ?? charge.amount - charge.amount_refunded;
  checkRefundable(charge, amount);
  const refund: Stripe.Refund = {
    id: createId("re"),
    object: "refund",
    amount,
    balance_transaction: createId("txn"),
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: typeof charge.customer === "string" ? charge.customer : null,
    customer_account: null,
    metadata: input.metadata ?? {},
    payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    payment_method: charge.payment_method,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  emulator.state.refunds[refund.id] = refund;
  const before = structuredClone(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  recordEvent(emulator, "refund.created", refund);
  recordEvent(emulator, "charge.refunded", charge, diffAttributes(before, charge));
  return refund;
}
