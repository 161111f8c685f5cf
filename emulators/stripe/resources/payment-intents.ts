// /v1/payment_intents: create (optionally confirming, on- or off-session), confirm, retrieve, list.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { resolvePaymentMethod } from "../cards/payment-method-actions";
import { invalidRequestError } from "../core/errors";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getCustomerOrThrow, getPaymentIntentOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import {
  boolParam,
  expandParam,
  intParam,
  listParamsShape,
  mergeMetadata,
  metadataParam,
  parseParams,
} from "../http/params";
import type { Route } from "../http/router";
import { buildPaymentIntent } from "../payments/build-payment-intent";
import { confirmPaymentIntent } from "../payments/confirm-payment-intent";

const MINIMUM_AMOUNT = 50;

// Stripe takes `off_session=true` or the older "one_off" / "recurring" spellings.
const offSessionParam = z.union([boolParam, z.enum(["one_off", "recurring"]).transform(() => true)]).optional();

const createSchema = z.strictObject({
  amount: intParam,
  currency: z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code"),
  customer: z.string().optional(),
  payment_method: z.string().optional(),
  payment_method_types: z.array(z.string()).optional(),
  automatic_payment_methods: z.strictObject({ enabled: boolParam, allow_redirects: z.string().optional() }).optional(),
  off_session: offSessionParam,
  confirm: boolParam.optional(),
  setup_future_usage: z.enum(["off_session", "on_session"]).optional(),
  description: z.string().optional(),
  receipt_email: z.string().optional(),
  statement_descriptor_suffix: z.string().optional(),
  metadata: metadataParam,
  expand: expandParam,
});

const confirmSchema = z.strictObject({
  payment_method: z.string().optional(),
  off_session: offSessionParam,
  return_url: z.string().optional(),
  expand: expandParam,
});

const listSchema = z.strictObject({ ...listParamsShape, customer: z.string().optional() });

function confirmWith(
  emulator: Emulator,
  intentId: string,
  paymentMethodId: string | null,
  isOffSession: boolean,
): void {
  const intent = getPaymentIntentOrThrow(emulator.state, intentId);
  if (!paymentMethodId) {
    throw invalidRequestError(
      "You cannot confirm this PaymentIntent because it's missing a payment method. Update it with a payment_method or pass one to confirm.",
      { param: "payment_method", code: "payment_intent_unexpected_state" },
    );
  }
  const paymentMethod = resolvePaymentMethod(emulator, paymentMethodId, "payment_method");
  confirmPaymentIntent(emulator, intent, { paymentMethod, isOffSession, isAuthenticated: false });
}

const createPaymentIntent: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  if (params.amount < MINIMUM_AMOUNT) {
    throw invalidRequestError(`Amount must be at least $0.50 ${params.currency.toLowerCase()}`, {
      param: "amount",
      code: "amount_too_small",
    });
  }
  if (params.off_session !== undefined && params.confirm !== true) {
    throw invalidRequestError("You can only pass in `off_session` when `confirm` is set to true.", {
      param: "off_session",
    });
  }
  if (params.customer) getCustomerOrThrow(emulator.state, params.customer, "customer");
  const paymentMethod = params.payment_method
    ? resolvePaymentMethod(emulator, params.payment_method, "payment_method")
    : null;
  const intent = buildPaymentIntent({
    amount: params.amount,
    currency: params.currency.toLowerCase(),
    customer: params.customer ?? null,
    paymentMethod: paymentMethod?.id ?? null,
    metadata: mergeMetadata(null, params.metadata),
    description: params.description ?? null,
    receiptEmail: params.receipt_email ?? null,
    setupFutureUsage: params.setup_future_usage ?? null,
    paymentMethodTypes: params.payment_method_types ?? ["card"],
  });
  emulator.state.paymentIntents[intent.id] = intent;
  recordEvent(emulator, "payment_intent.created", intent);
  if (params.confirm) confirmWith(emulator, intent.id, paymentMethod?.id ?? null, params.off_session ?? false);
  return expandObject(emulator.state, intent, params.expand);
};

const confirm: ApiHandler = (emulator, request) => {
  const intent = getPaymentIntentOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(confirmSchema, request.params);
  const paymentMethodId =
    params.payment_method ?? (typeof intent.payment_method === "string" ? intent.payment_method : null);
  confirmWith(emulator, intent.id, paymentMethodId, params.off_session ?? false);
  return expandObject(emulator.state, intent, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(
    z.strictObject({ expand: expandParam, client_secret: z.string().optional() }),
    request.params,
  );
  return expandObject(emulator.state, getPaymentIntentOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.paymentIntents).filter(
    (intent) =>
      (params.customer === undefined || intent.customer === params.customer) &&
      matchesCreated(intent.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/payment_intents"), params.expand);
};

export const paymentIntentRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/payment_intents", handler: createPaymentIntent },
  { method: "GET", pattern: "/v1/payment_intents", handler: list },
  { method: "GET", pattern: "/v1/payment_intents/:id", handler: retrieve },
  { method: "POST", pattern: "/v1/payment_intents/:id/confirm", handler: confirm },
];
