// /v1/invoiceitems: create (onto a draft invoice or pending for the customer), retrieve, list.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { invalidRequestError } from "../core/errors";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getInvoiceItemOrThrow } from "../core/lookup";
import { expandParam, intParam, listParamsShape, mergeMetadata, metadataParam, parseParams } from "../http/params";
import type { Route } from "../http/router";
import { createInvoiceItem } from "../invoices/create-invoice-item";

const createSchema = z.strictObject({
  customer: z.string().min(1),
  invoice: z.string().min(1).optional(),
  amount: intParam,
  currency: z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code"),
  description: z.string().optional(),
  metadata: metadataParam,
  expand: expandParam,
});

const listSchema = z.strictObject({
  ...listParamsShape,
  customer: z.string().optional(),
  invoice: z.string().optional(),
  pending: z.enum(["true", "false"]).optional(),
});

const create: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  if (params.amount < 0) throw invalidRequestError("Invalid integer: must be at least 0", { param: "amount" });
  const item = createInvoiceItem(emulator, {
    customer: params.customer,
    invoice: params.invoice,
    amount: params.amount,
    currency: params.currency.toLowerCase(),
    description: params.description === undefined || params.description === "" ? null : params.description,
    metadata: mergeMetadata(null, params.metadata),
  });
  return expandObject(emulator.state, item, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getInvoiceItemOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.invoiceItems).filter(
    (item) =>
      (params.customer === undefined || item.customer === params.customer) &&
      (params.invoice === undefined || item.invoice === params.invoice) &&
      (params.pending === undefined || (item.invoice === null) === (params.pending === "true")) &&
      matchesCreated(item.date, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/invoiceitems"), params.expand);
};

export const invoiceItemRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/invoiceitems", handler: create },
  { method: "GET", pattern: "/v1/invoiceitems", handler: list },
  { method: "GET", pattern: "/v1/invoiceitems/:id", handler: retrieve },
];
