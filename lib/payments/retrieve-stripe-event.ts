import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/get-stripe";
import { callStripe } from "./stripe-error";

/**
 * Re-reads one event from Stripe by id (for an operator's replay): what Stripe serves with our key needs
 * no signature. Stripe keeps events 30 days; an older or unknown one is `not_found`.
 */
export async function retrieveStripeEvent(eventId: string): Promise<Stripe.Event> {
  try {
    return await callStripe("fetching the event", () => getStripe().events.retrieve(eventId));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      throw new AppError("not_found", {
        message: "Stripe has no such event (it keeps events for 30 days).",
        cause: error,
      });
    }
    throw error;
  }
}
