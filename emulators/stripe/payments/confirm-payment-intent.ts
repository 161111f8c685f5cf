import type Stripe from "stripe";
import { attachPaymentMethod, describeBehaviour } from "../cards/payment-method-actions";
import { cardError, invalidRequestError } from "../core/errors";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { buildCharge, type ChargeFailure } from "./build-charge";
import { buildThreeDSecureAction } from "./build-three-d-secure-action";

export type ConfirmOptions = {
  paymentMethod: Stripe.PaymentMethod;
  isOffSession: boolean;
  /** The person completed a 3D Secure step (hosted pages only). */
  isAuthenticated: boolean;
};

const FAILURES: Record<"decline" | "insufficient_funds" | "authentication_required", ChargeFailure> = {
  decline: { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  insufficient_funds: {
    code: "card_declined",
    declineCode: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  authentication_required: {
    code: "authentication_required",
    declineCode: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  },
};

function createCharge(
  emulator: Emulator,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  status: "succeeded" | "failed" | "pending",
  failure: ChargeFailure | null,
) {
  const charge = buildCharge({ intent, paymentMethod, status, failure, publicUrl: emulator.config.publicUrl });
  emulator.state.charges[charge.id] = charge;
  intent.latest_charge = charge.id;
  return charge;
}

// Records the failed attempt the way Stripe does (failed charge, PI back to
// requires_payment_method) and throws the 402 the caller receives.
export function failPaymentIntent(
  emulator: Emulator,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  failure: ChargeFailure,
): never {
  const charge = createCharge(emulator, intent, paymentMethod, "failed", failure);
  const isCard = paymentMethod.type === "card";
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.next_action = null;
  intent.processing = null;
  intent.last_payment_error = {
    type: isCard ? "card_error" : "invalid_request_error",
    code: failure.code,
    decline_code: failure.declineCode,
    message: failure.message,
    charge: charge.id,
    payment_method: structuredClone(paymentMethod),
    payment_method_type: paymentMethod.type,
    doc_url: `https://stripe.com/docs/error-codes/${failure.code.replaceAll("_", "-")}`,
  };
  recordEvent(emulator, "charge.failed", charge);
  recordEvent(emulator, "payment_intent.payment_failed", intent);
  throw cardError({
    code: failure.code,
    decline_code: failure.declineCode,
    message: failure.message,
    charge: charge.id,
    doc_url: intent.last_payment_error.doc_url,
    payment_intent: structuredClone(intent),
    payment_method: structuredClone(paymentMethod),
  });
}

export function succeedPaymentIntent(
  emulator: Emulator,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  existing?: Stripe.Charge,
): void {
  const charge = existing ?? createCharge(emulator, intent, paymentMethod, "succeeded", null);
  if (existing) {
    // A settled bank debit: the pending charge clears.
    charge.status = "succeeded";
    charge.paid = true;
    charge.captured = true;
    charge.amount_captured = charge.amount;
    charge.balance_transaction = charge.balance_transaction ?? `txn_${charge.id.slice(3)}`;
  }
  intent.status = "succeeded";
  intent.amount_received = intent.amount;
  intent.last_payment_error = null;
  intent.next_action = null;
  intent.processing = null;
  recordEvent(emulator, "charge.succeeded", charge);
  // Stripe saves the method for later when the intent asked for it.
  if (intent.setup_future_usage && typeof intent.customer === "string")
    attachPaymentMethod(emulator, paymentMethod, intent.customer);
  recordEvent(emulator, "payment_intent.succeeded", intent);
}

export function confirmPaymentIntent(emulator: Emulator, intent: Stripe.PaymentIntent, options: ConfirmOptions): void {
  if (
    intent.status !== "requires_payment_method" &&
    intent.status !== "requires_confirmation" &&
    intent.status !== "requires_action"
  ) {
    throw invalidRequestError(`This PaymentIntent's status is ${intent.status}, so it cannot be confirmed.`, {
      code: "payment_intent_unexpected_state",
    });
  }
  const { paymentMethod, isOffSession, isAuthenticated } = options;
  if (paymentMethod.customer && intent.customer && paymentMethod.customer !== intent.customer) {
    throw invalidRequestError(
      `The provided PaymentMethod belongs to a different customer than ${readId(intent.customer) ?? ""}.`,
      { param: "payment_method", code: "payment_method_unexpected_state" },
    );
  }
  intent.payment_method = paymentMethod.id;
  const behaviour = describeBehaviour(paymentMethod);
  if (behaviour === "delayed") {
    const charge = createCharge(emulator, intent, paymentMethod, "pending", null);
    intent.status = "processing";
    recordEvent(emulator, "charge.pending", charge);
    recordEvent(emulator, "payment_intent.processing", intent);
    return;
  }
  if (behaviour === "authenticate" && !isAuthenticated) {
    if (isOffSession) failPaymentIntent(emulator, intent, paymentMethod, FAILURES.authentication_required);
    intent.status = "requires_action";
    intent.next_action = buildThreeDSecureAction(emulator, intent.id);
    recordEvent(emulator, "payment_intent.requires_action", intent);
    return;
  }
  if (behaviour === "decline" || behaviour === "insufficient_funds") {
    failPaymentIntent(emulator, intent, paymentMethod, FAILURES[behaviour]);
  }
  succeedPaymentIntent(emulator, intent, paymentMethod);
}
