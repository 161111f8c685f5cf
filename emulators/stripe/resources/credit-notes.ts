// /v1/credit_notes: create (on a paid invoice), retrieve, list, lines.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getCreditNoteOrThrow } from "../core/lookup";
import { createCreditNote } from "../credit-notes/create-credit-note";
import { expandParam, intParam, listParamsShape, mergeMetadata, metadataParam, parseParams } from "../http/params";
import type { Route } from "../http/router";

const lineSchema = z.strictObject({
  type: z.enum(["invoice_line_item", "custom_line_item"]),
  invoice_line_item: z.string().optional(),
  amount: intParam.optional(),
  quantity: intParam.optional(),
  unit_amount: intParam.optional(),
  description: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});

const createSchema = z.strictObject({
  invoice: z.string().min(1),
  amount: intParam.optional(),
  lines: z.array(lineSchema).optional(),
  refunds: z.array(z.strictObject({ refund: z.string().min(1), amount_refunded: intParam.optional() })).optional(),
  refund_amount: intParam.optional(),
  out_of_band_amount: intParam.optional(),
  credit_amount: intParam.optional(),
  reason: z.enum(["duplicate", "fraudulent", "order_change", "product_unsatisfactory"]).optional(),
  memo: z.string().optional(),
  metadata: metadataParam,
  email_type: z.enum(["credit_note", "none"]).optional(),
  expand: expandParam,
});

const listSchema = z.strictObject({
  ...listParamsShape,
  invoice: z.string().optional(),
  customer: z.string().optional(),
});

const create: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  const note = createCreditNote(emulator, {
    invoice: params.invoice,
    amount: params.amount,
    lines: params.lines,
    refunds: params.refunds,
    refundAmount: params.refund_amount,
    outOfBandAmount: params.out_of_band_amount,
    creditAmount: params.credit_amount,
    reason: params.reason,
    memo: params.memo,
    metadata: mergeMetadata(null, params.metadata),
  });
  return expandObject(emulator.state, note, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getCreditNoteOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.creditNotes).filter(
    (note) =>
      (params.invoice === undefined || note.invoice === params.invoice) &&
      (params.customer === undefined || note.customer === params.customer) &&
      matchesCreated(note.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/credit_notes"), params.expand);
};

const listLines: ApiHandler = (emulator, request) => {
  const note = getCreditNoteOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(z.strictObject(listParamsShape), request.params);
  return expandObject(
    emulator.state,
    paginateList(structuredClone(note.lines.data), params, `/v1/credit_notes/${note.id}/lines`),
    params.expand,
  );
};

export const creditNoteRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/credit_notes", handler: create },
  { method: "GET", pattern: "/v1/credit_notes", handler: list },
  { method: "GET", pattern: "/v1/credit_notes/:id", handler: retrieve },
  { method: "GET", pattern: "/v1/credit_notes/:id/lines", handler: listLines },
];
