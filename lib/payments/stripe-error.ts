import "server-only";
import type Stripe from "stripe";
import { AppError } from "@/lib/errors";

/**
 * The Stripe SDK error inside a thrown value (directly, or as an AppError's cause), recognised by its
 * `type` name rather than `instanceof`: a bundler may load two copies of the SDK (ESM and CJS), and an
 * error from one copy is not an instance of the other's classes.
 */
export function stripeErrorOf(error: unknown): Stripe.errors.StripeError | undefined {
  const candidate = error instanceof AppError ? error.cause : error;
  if (!(candidate instanceof Error)) return undefined;
  const type = (candidate as { type?: unknown }).type;
  return typeof type === "string" && type.startsWith("Stripe") ? (candidate as Stripe.errors.StripeError) : undefined;
}

const RETRYABLE = new Set(["StripeConnectionError", "StripeAPIError", "StripeRateLimitError"]);

/**
 * A Stripe SDK failure as an AppError. Unreachable, timed out or a Stripe 5xx: `dependency_failed`
 * (a retry can help); a declined card: `card_declined`; a missing object: `not_found`; anything else is
 * a request we built wrong, which is ours to fix (`internal`).
 */
export function toStripeAppError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const stripeError = stripeErrorOf(error);
  if (stripeError?.type === "StripeCardError") {
    return new AppError("card_declined", { message: stripeError.message, cause: error });
  }
  if (stripeError && (RETRYABLE.has(stripeError.type) || (stripeError.statusCode ?? 0) >= 500)) {
    return new AppError("dependency_failed", { message: `Stripe did not answer while ${what}. Try again in a moment.`, cause: error });
  }
  if (stripeError?.type === "StripeInvalidRequestError" && stripeError.code === "resource_missing") {
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
