import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { nowSeconds } from "../core/ids";
import { getCheckoutSessionOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";
import { settlePaymentIntent } from "../payments/settle-payment-intent";
import { issueSessionInvoice } from "./issue-session-invoice";

// Stripe cancels the session's unfinished payment intent when the session expires.
function cancelOpenPaymentIntent(emulator: Emulator, session: Stripe.Checkout.Session): void {
  const intent =
    typeof session.payment_intent === "string" ? emulator.state.paymentIntents[session.payment_intent] : undefined;
  if (!intent || intent.status === "succeeded" || intent.status === "processing" || intent.status === "canceled")
    return;
  intent.status = "canceled";
  intent.canceled_at = nowSeconds();
  intent.cancellation_reason = "abandoned";
  recordEvent(emulator, "payment_intent.canceled", intent);
}

export function expireCheckoutSession(emulator: Emulator, sessionId: string): Stripe.Checkout.Session {
  const session = getCheckoutSessionOrThrow(emulator.state, sessionId);
  if (session.status !== "open") {
    throw invalidRequestError(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      { code: "checkout_session_unexpected_state" },
    );
  }
  session.status = "expired";
  session.url = null;
  cancelOpenPaymentIntent(emulator, session);
  recordEvent(emulator, "checkout.session.expired", session);
  return session;
}

// Sessions past `expires_at` expire on their own; called on a timer and before any read.
export function expireDueSessions(emulator: Emulator): void {
  const now = nowSeconds();
  for (const session of Object.values(emulator.state.checkoutSessions)) {
    if (session.status === "open" && session.expires_at <= now) expireCheckoutSession(emulator, session.id);
  }
}

export function getOpenSessionOrThrow(emulator: Emulator, sessionId: string): Stripe.Checkout.Session {
  const session = getCheckoutSessionOrThrow(emulator.state, sessionId);
  if (session.status === "open" && session.expires_at <= nowSeconds()) expireCheckoutSession(emulator, session.id);
  if (session.status !== "open") {
    throw invalidRequestError(`This Checkout Session is no longer open (status: ${session.status}).`, {
      code: "checkout_session_unexpected_state",
    });
  }
  return session;
}

export function markSessionComplete(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  details: {
    paymentStatus: Stripe.Checkout.Session.PaymentStatus;
    customer: string | null;
    customerDetails: Stripe.Checkout.Session.CustomerDetails;
  },
): void {
  session.status = "complete";
  session.payment_status = details.paymentStatus;
  session.customer = details.customer;
  session.url = null;
  session.customer_details = details.customerDetails;
  session.collected_information = {
    business_name: details.customerDetails.business_name,
    individual_name: null,
    shipping_details: null,
  };
  recordEvent(emulator, "checkout.session.completed", session);
}

// The delayed bank debit clears or bounces; Checkout announces either outcome.
export function settleCheckoutSession(
  emulator: Emulator,
  sessionId: string,
  isSuccess: boolean,
): Stripe.Checkout.Session {
  const session = getCheckoutSessionOrThrow(emulator.state, sessionId);
  const extras = emulator.state.checkoutExtras[session.id];
  const intent =
    typeof session.payment_intent === "string" ? emulator.state.paymentIntents[session.payment_intent] : undefined;
  if (session.status !== "complete" || !extras?.isAwaitingSettlement || !intent) {
    throw invalidRequestError(`Checkout Session ${session.id} has no delayed payment waiting to settle.`, {
      code: "checkout_session_unexpected_state",
    });
  }
  settlePaymentIntent(emulator, intent, isSuccess);
  extras.isAwaitingSettlement = false;
  if (!isSuccess) {
    recordEvent(emulator, "checkout.session.async_payment_failed", session);
    return session;
  }
  const before = structuredClone(session);
  session.payment_status = "paid";
  issueSessionInvoice(emulator, session, intent);
  recordEvent(emulator, "checkout.session.async_payment_succeeded", session, diffAttributes(before, session));
  return session;
}
