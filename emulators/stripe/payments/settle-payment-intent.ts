import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { succeedPaymentIntent } from "./confirm-payment-intent";

const BOUNCED = {
  code: "insufficient_funds",
  message: "The customer's account has insufficient funds to cover this payment.",
};

// Bank debits resolve days later in Stripe: the pending charge either clears or bounces.
export function settlePaymentIntent(emulator: Emulator, intent: Stripe.PaymentIntent, isSuccess: boolean): void {
  const charge = emulator.state.charges[readId(intent.latest_charge) ?? ""];
  const paymentMethod = emulator.state.paymentMethods[readId(intent.payment_method) ?? ""];
  if (intent.status !== "processing" || !charge || !paymentMethod) {
    throw invalidRequestError(`PaymentIntent ${intent.id} has no payment waiting to settle.`, {
      code: "payment_intent_unexpected_state",
    });
  }
  if (isSuccess) return succeedPaymentIntent(emulator, intent, paymentMethod, charge);
  charge.status = "failed";
  charge.failure_code = BOUNCED.code;
  charge.failure_message = BOUNCED.message;
  if (charge.outcome) {
    charge.outcome = {
      ...charge.outcome,
      type: "issuer_declined",
      network_status: "declined_by_network",
      reason: BOUNCED.code,
    };
  }
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.last_payment_error = {
    type: "invalid_request_error",
    code: BOUNCED.code,
    decline_code: BOUNCED.code,
    message: BOUNCED.message,
    charge: charge.id,
    payment_method: structuredClone(paymentMethod),
    payment_method_type: paymentMethod.type,
  };
  recordEvent(emulator, "charge.failed", charge);
  recordEvent(emulator, "payment_intent.payment_failed", intent);
}
