import "server-only";
import type Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { getPaymentMetrics } from "./payment-metrics";

/** The event in a webhook delivery, verified over the exact raw body; a bad or missing signature is a 400. */
export function verifyStripeEventOrThrow(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) {
    getPaymentMetrics().webhookEvents.inc({ type: "unknown", outcome: "rejected" });
    throw new AppError("bad_request", { message: "Missing Stripe-Signature header." });
  }
  try {
    return getStripe().webhooks.constructEvent(rawBody, signature, getEnv().stripe.webhookSecret);
  } catch (error) {
    getPaymentMetrics().webhookEvents.inc({ type: "unknown", outcome: "rejected" });
    throw new AppError("bad_request", { message: "The Stripe signature does not match this payload.", cause: error });
  }
}
