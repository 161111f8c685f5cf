import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";

/**
 * A Stripe SDK failure as an AppError. Unreachable, timed out or a Stripe 5xx: `dependency_failed`
 * (a retry can help); a declined card: `card_declined`; a missing object: `not_found`; anything else is
 * a request we built wrong, which is ours to fix (`internal`).
 */
export function toStripeAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Stripe.errors.StripeCardError) {
    return new AppError("card_declined", { message: error.message, cause: error });
  }
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500)
  ) {
    return new AppError("dependency_failed", { message: `Stripe did not answer while ${what}. Try again in a moment.`, cause: error });
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") {
    return new AppError("not_found", { message: "That payment was not found.", cause: error });
  }
  return new AppError("internal", { message: `Stripe refused a request while ${what}.`, cause: error });
}

/** Runs a Stripe call, turning its failure into an AppError. */
export async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStripeAppError(error, what);
  }
}
