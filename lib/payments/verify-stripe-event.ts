import "server-only";
import type Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { eventTypeLabel, getPaymentMetrics } from "./payment-metrics";
import { handledEventObjectSchemas, stripeEventEnvelopeSchema } from "./stripe-event-schema";

/** Stripe's default: a signature more than five minutes old is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function rejected(message: string, cause?: unknown): AppError {
  getPaymentMetrics().webhookEvents.inc({ type: "unknown", outcome: "rejected" });
  return new AppError("bad_request", { message, cause });
}

// The SDK refuses a signature older than the tolerance but takes any timestamp in the future, so a
// payload signed with a skewed (or leaked-and-postdated) timestamp would stay replayable until then.
function signedAtOf(signature: string): number {
  return Number(/(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(signature)?.[1] ?? NaN);
}

/**
 * The event in a webhook delivery, verified over the exact raw body: a bad or missing signature, or one
 * timestamped more than the tolerance away from now (either way), is a 400. A correctly signed event
 * that lacks a field we read (the envelope, or the object of a type we act on) is `malformed_event`: a
 * 422, logged and counted as a system problem, since only a fault of ours or Stripe's can send one.
 */
export function verifyStripeEventOrThrow(rawBody: string | Uint8Array, signature: string | null, nowSeconds = Date.now() / 1000): Stripe.Event {
  if (!signature) throw rejected("Missing Stripe-Signature header.");
  let event: unknown;
  try {
    event = getStripe().webhooks.constructEvent(rawBody, signature, getEnv().stripe.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    throw rejected("The Stripe signature does not match this payload.", error);
  }
  if (!(signedAtOf(signature) - nowSeconds <= SIGNATURE_TOLERANCE_SECONDS)) {
    throw rejected("The Stripe signature is timestamped in the future.");
  }
  return parseStripeEventOrThrow(event);
}

function parseStripeEventOrThrow(event: unknown): Stripe.Event {
  const envelope = stripeEventEnvelopeSchema.safeParse(event);
  const type = envelope.success ? envelope.data.type : "unknown";
  const objectSchema = handledEventObjectSchemas[type];
  const object = envelope.success && objectSchema ? objectSchema.safeParse(envelope.data.data.object) : undefined;
  const issues = !envelope.success ? envelope.error.issues : object && !object.success ? object.error.issues : [];
  if (issues.length === 0) return event as Stripe.Event;
  getPaymentMetrics().webhookEvents.inc({ type: eventTypeLabel(type), outcome: "malformed" });
  throw new AppError("malformed_event", {
    message: `A signed Stripe event (${type}) is not in the shape we read.`,
    // The log keeps where it went wrong (paths and messages only: no values, which may hold personal data).
    cause: { event: envelope.success ? envelope.data.id : undefined, type, issues: issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) },
  });
}
