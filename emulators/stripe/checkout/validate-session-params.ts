import { invalidRequestError, missingParamError } from "../core/errors";
import { nowSeconds } from "../core/ids";
import type { CreateSessionParams } from "./create-session-schema";

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;

// The cross-field rules Stripe applies to a new Checkout Session, in its own words.
export function validateSessionParams(params: CreateSessionParams): void {
  if (params.mode === "payment" && (params.line_items ?? []).length === 0) throw missingParamError("line_items");
  if (params.mode === "setup" && params.line_items !== undefined) {
    throw invalidRequestError("You cannot pass `line_items` in `setup` mode.", { param: "line_items" });
  }
  if (params.mode !== "payment" && params.payment_intent_data !== undefined) {
    throw invalidRequestError("You can only pass `payment_intent_data` in `payment` mode.", {
      param: "payment_intent_data",
    });
  }
  if (params.mode !== "setup" && params.setup_intent_data !== undefined) {
    throw invalidRequestError("You can only pass `setup_intent_data` in `setup` mode.", { param: "setup_intent_data" });
  }
  if (params.customer !== undefined && params.customer_email !== undefined) {
    throw invalidRequestError("You may only specify one of these parameters: customer, customer_email.", {
      param: "customer_email",
    });
  }
  const currencies = new Set((params.line_items ?? []).map((item) => item.price_data?.currency.toLowerCase()));
  if (currencies.size > 1) {
    throw invalidRequestError("All line items must use the same currency.", { param: "line_items" });
  }
  (params.line_items ?? []).forEach((item, index) => {
    if (item.quantity < 1)
      throw invalidRequestError("Quantity must be at least 1.", { param: `line_items[${index}][quantity]` });
    if (item.price_data && item.price_data.unit_amount < 0) {
      throw invalidRequestError("Invalid non-negative integer", {
        param: `line_items[${index}][price_data][unit_amount]`,
      });
    }
  });
  if (params.expires_at !== undefined) {
    const delta = params.expires_at - nowSeconds();
    if (delta < MIN_EXPIRY_SECONDS) {
      throw invalidRequestError(
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        {
          param: "expires_at",
        },
      );
    }
    if (delta > MAX_EXPIRY_SECONDS) {
      throw invalidRequestError(
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        {
          param: "expires_at",
        },
      );
    }
  }
}
