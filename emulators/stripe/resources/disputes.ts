// /v1/disputes: retrieve and list; disputes are opened and closed through /_emulator controls.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getDisputeOrThrow } from "../core/lookup";
import { expandParam, listParamsShape, parseParams } from "../http/params";
import type { Route } from "../http/router";

const listSchema = z.strictObject({
  ...listParamsShape,
  charge: z.string().optional(),
  payment_intent: z.string().optional(),
});

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getDisputeOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.disputes).filter(
    (dispute) =>
      (params.charge === undefined || dispute.charge === params.charge) &&
      (params.payment_intent === undefined || dispute.payment_intent === params.payment_intent) &&
      matchesCreated(dispute.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/disputes"), params.expand);
};

export const disputeRoutes: Array<Route<ApiHandler>> = [
  { method: "GET", pattern: "/v1/disputes", handler: list },
  { method: "GET", pattern: "/v1/disputes/:id", handler: retrieve },
];
