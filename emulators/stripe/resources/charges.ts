// /v1/charges: retrieve and list (charges are made by payment intents, never directly).
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getChargeOrThrow } from "../core/lookup";
import { expandParam, listParamsShape, parseParams } from "../http/params";
import type { Route } from "../http/router";

const listSchema = z.strictObject({
  ...listParamsShape,
  customer: z.string().optional(),
  payment_intent: z.string().optional(),
});

const retrieveCharge: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getChargeOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const listCharges: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.charges).filter(
    (charge) =>
      (params.customer === undefined || charge.customer === params.customer) &&
      (params.payment_intent === undefined || charge.payment_intent === params.payment_intent) &&
      matchesCreated(charge.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/charges"), params.expand);
};

export const chargeRoutes: Array<Route<ApiHandler>> = [
  { method: "GET", pattern: "/v1/charges", handler: listCharges },
  { method: "GET", pattern: "/v1/charges/:id", handler: retrieveCharge },
];
