import type Stripe from "stripe";
import { attachPaymentMethod, describeBehaviour } from "../cards/payment-method-actions";
import { cardError, invalidRequestError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { buildThreeDSecureAction } from "./build-three-d-secure-action";

export type SetupIntentInput = {
  customer: string | null;
  paymentMethod: string | null;
  metadata: Stripe.Metadata;
  description: string | null;
  usage: "off_session" | "on_session";
};

export function createSetupIntent(emulator: Emulator, input: SetupIntentInput): Stripe.SetupIntent {
  const id = createId("seti");
  const intent: Stripe.SetupIntent = {
    id,
    object: "setup_intent",
    allowed_payment_method_types: null,
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${createId("s").slice(2)}`,
    created: nowSeconds(),
    customer: input.customer,
    description: input.description,
    excluded_payment_method_types: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card"],
    single_use_mandate: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    usage: input.usage,
  };
  emulator.state.setupIntents[id] = intent;
  recordEvent(emulator, "setup_intent.created", intent);
  return intent;
}

// A setup is a $0 check: declines fail it, 3DS cards need the person once, and success
// attaches the card to the intent's customer.
export function confirmSetupIntent(
  emulator: Emulator,
  intent: Stripe.SetupIntent,
  options: { paymentMethod: Stripe.PaymentMethod; isAuthenticated: boolean },
): void {
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(intent.status)) {
    throw invalidRequestError(`This SetupIntent's status is ${intent.status}, so it cannot be confirmed.`, {
      code: "setup_intent_unexpected_state",
    });
  }
  const { paymentMethod } = options;
  if (paymentMethod.customer && intent.customer && paymentMethod.customer !== intent.customer) {
    throw invalidRequestError("The provided PaymentMethod belongs to a different customer.", {
      param: "payment_method",
      code: "payment_method_unexpected_state",
    });
  }
  const behaviour = describeBehaviour(paymentMethod);
  if (behaviour === "decline" || behaviour === "insufficient_funds") {
    const declineCode = behaviour === "decline" ? "generic_decline" : "insufficient_funds";
    const message = behaviour === "decline" ? "Your card was declined." : "Your card has insufficient funds.";
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_setup_error = {
      type: "card_error",
      code: "card_declined",
      decline_code: declineCode,
      message,
      payment_method: structuredClone(paymentMethod),
    };
    recordEvent(emulator, "setup_intent.setup_failed", intent);
    throw cardError({
      code: "card_declined",
      decline_code: declineCode,
      message,
      setup_intent: structuredClone(intent),
      payment_method: structuredClone(paymentMethod),
    });
  }
  intent.payment_method = paymentMethod.id;
  if (behaviour === "authenticate" && !options.isAuthenticated) {
    intent.status = "requires_action";
    intent.next_action = buildThreeDSecureAction(emulator, intent.id);
    recordEvent(emulator, "setup_intent.requires_action", intent);
    return;
  }
  intent.status = "succeeded";
  intent.last_setup_error = null;
  intent.next_action = null;
  if (typeof intent.customer === "string") attachPaymentMethod(emulator, paymentMethod, intent.customer);
  recordEvent(emulator, "setup_intent.succeeded", intent);
}
