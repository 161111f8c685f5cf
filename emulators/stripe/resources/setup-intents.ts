// /v1/setup_intents: create (optionally confirming), confirm, retrieve, list.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { resolvePaymentMethod } from "../cards/payment-method-actions";
import { invalidRequestError } from "../core/errors";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getCustomerOrThrow, getSetupIntentOrThrow } from "../core/lookup";
import { boolParam, expandParam, listParamsShape, mergeMetadata, metadataParam, parseParams } from "../http/params";
import type { Route } from "../http/router";
import { confirmSetupIntent, createSetupIntent } from "../payments/setup-intent-actions";
import type { Emulator } from "../emulator";

const createSchema = z.strictObject({
  customer: z.string().optional(),
  payment_method: z.string().optional(),
  payment_method_types: z.array(z.string()).optional(),
  automatic_payment_methods: z.strictObject({ enabled: boolParam, allow_redirects: z.string().optional() }).optional(),
  confirm: boolParam.optional(),
  usage: z.enum(["off_session", "on_session"]).optional(),
  description: z.string().optional(),
  return_url: z.string().optional(),
  metadata: metadataParam,
  expand: expandParam,
});

const confirmSchema = z.strictObject({
  payment_method: z.string().optional(),
  return_url: z.string().optional(),
  expand: expandParam,
});
const listSchema = z.strictObject({
  ...listParamsShape,
  customer: z.string().optional(),
  payment_method: z.string().optional(),
});

function confirmWith(emulator: Emulator, intentId: string, paymentMethodId: string | null): void {
  const intent = getSetupIntentOrThrow(emulator.state, intentId);
  if (!paymentMethodId) {
    throw invalidRequestError("You cannot confirm this SetupIntent because it's missing a payment method.", {
      param: "payment_method",
      code: "setup_intent_unexpected_state",
    });
  }
  const paymentMethod = resolvePaymentMethod(emulator, paymentMethodId, "payment_method");
  confirmSetupIntent(emulator, intent, { paymentMethod, isAuthenticated: false });
}

const create: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  if (params.customer) getCustomerOrThrow(emulator.state, params.customer, "customer");
  const paymentMethod = params.payment_method
    ? resolvePaymentMethod(emulator, params.payment_method, "payment_method")
    : null;
  const intent = createSetupIntent(emulator, {
    customer: params.customer ?? null,
    paymentMethod: paymentMethod?.id ?? null,
    metadata: mergeMetadata(null, params.metadata),
    description: params.description ?? null,
    usage: params.usage ?? "off_session",
  });
  if (params.confirm) confirmWith(emulator, intent.id, paymentMethod?.id ?? null);
  return expandObject(emulator.state, intent, params.expand);
};

const confirm: ApiHandler = (emulator, request) => {
  const intent = getSetupIntentOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(confirmSchema, request.params);
  const paymentMethodId =
    params.payment_method ?? (typeof intent.payment_method === "string" ? intent.payment_method : null);
  confirmWith(emulator, intent.id, paymentMethodId);
  return expandObject(emulator.state, intent, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(
    z.strictObject({ expand: expandParam, client_secret: z.string().optional() }),
    request.params,
  );
  return expandObject(emulator.state, getSetupIntentOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.setupIntents).filter(
    (intent) =>
      (params.customer === undefined || intent.customer === params.customer) &&
      (params.payment_method === undefined || intent.payment_method === params.payment_method) &&
      matchesCreated(intent.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/setup_intents"), params.expand);
};

export const setupIntentRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/setup_intents", handler: create },
  { method: "GET", pattern: "/v1/setup_intents", handler: list },
  { method: "GET", pattern: "/v1/setup_intents/:id", handler: retrieve },
  { method: "POST", pattern: "/v1/setup_intents/:id/confirm", handler: confirm },
];
