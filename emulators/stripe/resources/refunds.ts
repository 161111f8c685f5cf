// /v1/refunds: create, retrieve, list.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getRefundOrThrow } from "../core/lookup";
import { expandParam, intParam, listParamsShape, mergeMetadata, metadataParam, parseParams } from "../http/params";
import type { Route } from "../http/router";
import { createRefund } from "../refunds/create-refund";

const createSchema = z.strictObject({
  charge: z.string().optional(),
  payment_intent: z.string().optional(),
  amount: intParam.optional(),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
  metadata: metadataParam,
  expand: expandParam,
});

const listSchema = z.strictObject({
  ...listParamsShape,
  charge: z.string().optional(),
  payment_intent: z.string().optional(),
});

const create: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  const refund = createRefund(emulator, {
    chargeId: params.charge,
    paymentIntentId: params.payment_intent,
    amount: params.amount,
    reason: params.reason,
    metadata: mergeMetadata(null, params.metadata),
  });
  return expandObject(emulator.state, refund, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getRefundOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.refunds).filter(
    (refund) =>
      (params.charge === undefined || refund.charge === params.charge) &&
      (params.payment_intent === undefined || refund.payment_intent === params.payment_intent) &&
      matchesCreated(refund.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/refunds"), params.expand);
};

export const refundRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/refunds", handler: create },
  { method: "GET", pattern: "/v1/refunds", handler: list },
  { method: "GET", pattern: "/v1/refunds/:id", handler: retrieve },
];
