// /v1/payment_methods: create (test cards only), retrieve, list, attach, detach.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { buildCardPaymentMethod } from "../cards/build-payment-method";
import {
  attachPaymentMethod,
  detachPaymentMethod,
  resolvePaymentMethod,
  storePaymentMethod,
} from "../cards/payment-method-actions";
import { findTestCardOrThrow } from "../cards/test-cards";
import { expandObject } from "../core/expand";
import { listNewestFirst, paginateList } from "../core/list";
import { getCustomerOrThrow } from "../core/lookup";
import {
  expandParam,
  idParam,
  intParam,
  listParamsShape,
  mergeMetadata,
  metadataParam,
  parseParams,
} from "../http/params";
import type { Route } from "../http/router";

// Real Stripe only takes raw numbers from PCI-cleared accounts; the emulator takes test numbers
// so server-side tests can make cards without a browser.
const createSchema = z.strictObject({
  type: z.literal("card"),
  card: z.strictObject({
    number: z.string(),
    exp_month: intParam.optional(),
    exp_year: intParam.optional(),
    cvc: z.string().optional(),
  }),
  billing_details: z.strictObject({ email: z.string().optional(), name: z.string().optional() }).optional(),
  metadata: metadataParam,
  expand: expandParam,
});

const listSchema = z.strictObject({ ...listParamsShape, customer: z.string().optional(), type: z.string().optional() });
const attachSchema = z.strictObject({ customer: idParam, expand: expandParam });
const expandOnly = z.strictObject({ expand: expandParam });

const createPaymentMethod: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  const card = findTestCardOrThrow(params.card.number);
  const paymentMethod = buildCardPaymentMethod(card, {
    expMonth: params.card.exp_month ?? 12,
    expYear: params.card.exp_year ?? new Date().getFullYear() + 5,
    email: params.billing_details?.email,
    name: params.billing_details?.name,
    metadata: mergeMetadata(null, params.metadata),
  });
  return expandObject(emulator.state, storePaymentMethod(emulator, paymentMethod), params.expand);
};

const retrievePaymentMethod: ApiHandler = (emulator, request) => {
  const params = parseParams(expandOnly, request.params);
  const paymentMethod = resolvePaymentMethod(emulator, pathParam(request, "id"));
  return expandObject(emulator.state, paymentMethod, params.expand);
};

const listPaymentMethods: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.paymentMethods).filter(
    (method) =>
      (params.customer === undefined || method.customer === params.customer) &&
      (params.type === undefined || method.type === params.type),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/payment_methods"), params.expand);
};

const attach: ApiHandler = (emulator, request) => {
  const params = parseParams(attachSchema, request.params);
  getCustomerOrThrow(emulator.state, params.customer, "customer");
  const paymentMethod = resolvePaymentMethod(emulator, pathParam(request, "id"));
  attachPaymentMethod(emulator, paymentMethod, params.customer);
  return expandObject(emulator.state, paymentMethod, params.expand);
};

const detach: ApiHandler = (emulator, request) => {
  const params = parseParams(expandOnly, request.params);
  const paymentMethod = resolvePaymentMethod(emulator, pathParam(request, "id"));
  detachPaymentMethod(emulator, paymentMethod);
  return expandObject(emulator.state, paymentMethod, params.expand);
};

export const paymentMethodRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/payment_methods", handler: createPaymentMethod },
  { method: "GET", pattern: "/v1/payment_methods", handler: listPaymentMethods },
  { method: "GET", pattern: "/v1/payment_methods/:id", handler: retrievePaymentMethod },
  { method: "POST", pattern: "/v1/payment_methods/:id/attach", handler: attach },
  { method: "POST", pattern: "/v1/payment_methods/:id/detach", handler: detach },
];
