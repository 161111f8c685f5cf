// /v1/events: retrieve and list (filters: type or types[], created; newest first).
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getEventOrThrow } from "../core/lookup";
import { boolParam, expandParam, listParamsShape, parseParams } from "../http/params";
import type { Route } from "../http/router";

const listSchema = z.strictObject({
  ...listParamsShape,
  type: z.string().optional(),
  types: z.array(z.string()).optional(),
  delivery_success: boolParam.optional(),
});

// Stripe's `type` filter accepts a `*` wildcard, e.g. `checkout.session.*`.
function matchesType(type: string, pattern: string): boolean {
  if (!pattern.includes("*")) return type === pattern;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(type);
}

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getEventOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.events).filter(
    (event) =>
      (params.type === undefined || matchesType(event.type, params.type)) &&
      (params.types === undefined || params.types.includes(event.type)) &&
      (params.delivery_success === undefined || (event.pending_webhooks === 0) === params.delivery_success) &&
      matchesCreated(event.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/events"), params.expand);
};

export const eventRoutes: Array<Route<ApiHandler>> = [
  { method: "GET", pattern: "/v1/events", handler: list },
  { method: "GET", pattern: "/v1/events/:id", handler: retrieve },
];
