// /v1/invoice_payments: retrieve and list (filter: invoice, status, payment[payment_intent]).
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getInvoicePaymentOrThrow } from "../core/lookup";
import { expandParam, listParamsShape, parseParams } from "../http/params";
import type { Route } from "../http/router";

const listSchema = z.strictObject({
  ...listParamsShape,
  invoice: z.string().optional(),
  status: z.enum(["canceled", "open", "paid"]).optional(),
  payment: z
    .strictObject({ type: z.enum(["payment_intent", "payment_record"]), payment_intent: z.string().optional() })
    .optional(),
});

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(
    emulator.state,
    getInvoicePaymentOrThrow(emulator.state, pathParam(request, "id")),
    params.expand,
  );
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.invoicePayments).filter(
    (payment) =>
      (params.invoice === undefined || payment.invoice === params.invoice) &&
      (params.status === undefined || payment.status === params.status) &&
      (params.payment?.payment_intent === undefined ||
        payment.payment.payment_intent === params.payment.payment_intent) &&
      matchesCreated(payment.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/invoice_payments"), params.expand);
};

export const invoicePaymentRoutes: Array<Route<ApiHandler>> = [
  { method: "GET", pattern: "/v1/invoice_payments", handler: list },
  { method: "GET", pattern: "/v1/invoice_payments/:id", handler: retrieve },
];
