import type Stripe from "stripe";

// The body under `error` in every failed answer; the SDK picks its error class from the status.
export type StripeErrorBody = {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  charge?: string;
  doc_url?: string;
  payment_intent?: Stripe.PaymentIntent;
  setup_intent?: Stripe.SetupIntent;
  payment_method?: Stripe.PaymentMethod;
};

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

type InvalidRequestOptions = { param?: string; code?: string; status?: number };

export function invalidRequestError(message: string, options: InvalidRequestOptions = {}): EmulatorError {
  const { status = 400, ...rest } = options;
  return new EmulatorError(status, { type: "invalid_request_error", message, ...rest });
}

export function missingParamError(param: string): EmulatorError {
  return invalidRequestError(`Missing required param: ${param}.`, { param, code: "parameter_missing" });
}

// Objects named in the URL are 404s; objects named in a parameter are 400s, as in Stripe.
export function resourceMissingError(noun: string, id: string, param?: string): EmulatorError {
  return invalidRequestError(`No such ${noun}: '${id}'`, {
    code: "resource_missing",
    param: param ?? "id",
    status: param ? 400 : 404,
  });
}

export function apiError(message: string): EmulatorError {
  return new EmulatorError(500, { type: "api_error", message });
}

export function idempotencyError(key: string): EmulatorError {
  return new EmulatorError(400, {
    type: "idempotency_error",
    message:
      "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
      `Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

export type CardErrorDetails = Omit<StripeErrorBody, "type">;

export function cardError(details: CardErrorDetails): EmulatorError {
  return new EmulatorError(402, { type: "card_error", ...details });
}
