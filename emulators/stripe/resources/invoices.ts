// /v1/invoices: create, retrieve, update (draft), list, lines, finalize, pay.
import type Stripe from "stripe";
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { invalidRequestError } from "../core/errors";
import { expandObject } from "../core/expand";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getCustomerOrThrow, getInvoiceOrThrow, getPaymentMethodOrThrow } from "../core/lookup";
import { diffAttributes, recordEvent } from "../events/record-event";
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
import { buildAutomaticTax, buildInvoice } from "../invoices/build-invoice";
import { addItemToInvoice } from "../invoices/create-invoice-item";
import { customerCountry, finalizeInvoice } from "../invoices/finalize-invoice";
import { applyInvoiceTotals } from "../invoices/invoice-totals";
import { payInvoice } from "../invoices/pay-invoice";

const automaticTaxParam = z.strictObject({ enabled: boolParam, liability: z.unknown().optional() }).optional();
const STATUSES = ["draft", "open", "paid", "uncollectible", "void"] as const;

const createSchema = z.strictObject({
  customer: z.string().min(1),
  collection_method: z.enum(["charge_automatically", "send_invoice"]).optional(),
  auto_advance: boolParam.optional(),
  pending_invoice_items_behavior: z.enum(["exclude", "include"]).optional(),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code")
    .optional(),
  description: z.string().optional(),
  footer: z.string().optional(),
  metadata: metadataParam,
  automatic_tax: automaticTaxParam,
  default_payment_method: z.string().optional(),
  days_until_due: intParam.optional(),
  expand: expandParam,
});

const updateSchema = z.strictObject({
  description: z.string().optional(),
  footer: z.string().optional(),
  metadata: metadataParam,
  auto_advance: boolParam.optional(),
  automatic_tax: automaticTaxParam,
  default_payment_method: z.string().optional(),
  expand: expandParam,
});

const listSchema = z.strictObject({
  ...listParamsShape,
  customer: z.string().optional(),
  status: z.enum(STATUSES).optional(),
  collection_method: z.enum(["charge_automatically", "send_invoice"]).optional(),
});

const finalizeSchema = z.strictObject({ auto_advance: boolParam.optional(), expand: expandParam });

const paySchema = z.strictObject({
  payment_method: z.string().optional(),
  off_session: boolParam.optional(),
  paid_out_of_band: boolParam.optional(),
  forgive: boolParam.optional(),
  expand: expandParam,
});

const emptyToNull = (value: string | undefined) => (value === "" ? null : (value ?? null));

function includePendingItems(emulator: Parameters<ApiHandler>[0], invoice: Stripe.Invoice): void {
  for (const item of Object.values(emulator.state.invoiceItems)) {
    if (item.customer === invoice.customer && item.invoice === null && item.currency === invoice.currency) {
      addItemToInvoice(emulator, invoice, item);
    }
  }
}

const create: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  const customer = getCustomerOrThrow(emulator.state, params.customer, "customer");
  if (params.default_payment_method)
    getPaymentMethodOrThrow(emulator.state, params.default_payment_method, "default_payment_method");
  const collectionMethod = params.collection_method ?? "charge_automatically";
  if (collectionMethod === "send_invoice" && params.days_until_due === undefined) {
    throw invalidRequestError("Missing required param: days_until_due.", { param: "days_until_due" });
  }
  const invoice = buildInvoice({
    customer: customer.id,
    currency: (params.currency ?? customer.currency ?? "usd").toLowerCase(),
    collectionMethod,
    autoAdvance: params.auto_advance ?? false,
    isAutomaticTax: params.automatic_tax?.enabled ?? false,
    description: emptyToNull(params.description),
    footer: emptyToNull(params.footer),
    metadata: mergeMetadata(null, params.metadata),
    defaultPaymentMethod: params.default_payment_method ?? null,
    billingReason: "manual",
    dueDate: params.days_until_due === undefined ? null : Math.floor(Date.now() / 1000) + params.days_until_due * 86400,
  });
  emulator.state.invoices[invoice.id] = invoice;
  if (params.pending_invoice_items_behavior === "include") includePendingItems(emulator, invoice);
  recordEvent(emulator, "invoice.created", invoice);
  return expandObject(emulator.state, invoice, params.expand);
};

const retrieve: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandObject(emulator.state, getInvoiceOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

// Stripe lets a finalized invoice change only its metadata (and a few fields we do not model).
const update: ApiHandler = (emulator, request) => {
  const invoice = getInvoiceOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(updateSchema, request.params);
  const { metadata, expand, ...draftOnly } = params;
  const changesDraftField = Object.values(draftOnly).some((value) => value !== undefined);
  if (changesDraftField && invoice.status !== "draft") {
    throw invalidRequestError(
      `You can only update the metadata of a finalized invoice (${invoice.id} is ${invoice.status}).`,
      {
        code: "invoice_not_editable",
      },
    );
  }
  const before = structuredClone(invoice);
  if (params.description !== undefined) invoice.description = emptyToNull(params.description);
  if (params.footer !== undefined) invoice.footer = emptyToNull(params.footer);
  if (params.auto_advance !== undefined) invoice.auto_advance = params.auto_advance;
  if (params.default_payment_method !== undefined)
    invoice.default_payment_method = emptyToNull(params.default_payment_method);
  if (params.automatic_tax !== undefined) {
    invoice.automatic_tax = buildAutomaticTax(params.automatic_tax.enabled);
    applyInvoiceTotals(invoice, { taxCountry: customerCountry(emulator, invoice) });
  }
  invoice.metadata = mergeMetadata(invoice.metadata, metadata);
  const changed = diffAttributes(before, invoice);
  if (Object.keys(changed).length > 0) recordEvent(emulator, "invoice.updated", invoice, changed);
  return expandObject(emulator.state, invoice, expand);
};

const list: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.invoices).filter(
    (invoice) =>
      (params.customer === undefined || invoice.customer === params.customer) &&
      (params.status === undefined || invoice.status === params.status) &&
      (params.collection_method === undefined || invoice.collection_method === params.collection_method) &&
      matchesCreated(invoice.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/invoices"), params.expand);
};

const listLines: ApiHandler = (emulator, request) => {
  const invoice = getInvoiceOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(z.strictObject(listParamsShape), request.params);
  const lines = paginateList(structuredClone(invoice.lines.data), params, `/v1/invoices/${invoice.id}/lines`);
  return expandObject(emulator.state, lines, params.expand);
};

const finalize: ApiHandler = (emulator, request) => {
  const invoice = getInvoiceOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(finalizeSchema, request.params);
  finalizeInvoice(emulator, invoice, params.auto_advance);
  return expandObject(emulator.state, invoice, params.expand);
};

const pay: ApiHandler = (emulator, request) => {
  const invoice = getInvoiceOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(paySchema, request.params);
  if (params.paid_out_of_band && params.payment_method !== undefined) {
    throw invalidRequestError("You cannot pass `payment_method` when `paid_out_of_band` is true.", {
      param: "payment_method",
    });
  }
  payInvoice(emulator, invoice, {
    paymentMethodId: params.payment_method,
    isOffSession: params.off_session ?? false,
    isPaidOutOfBand: params.paid_out_of_band ?? false,
  });
  return expandObject(emulator.state, invoice, params.expand);
};

export const invoiceRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/invoices", handler: create },
  { method: "GET", pattern: "/v1/invoices", handler: list },
  { method: "GET", pattern: "/v1/invoices/:id", handler: retrieve },
  { method: "POST", pattern: "/v1/invoices/:id", handler: update },
  { method: "GET", pattern: "/v1/invoices/:id/lines", handler: listLines },
  { method: "POST", pattern: "/v1/invoices/:id/finalize", handler: finalize },
  { method: "POST", pattern: "/v1/invoices/:id/pay", handler: pay },
];
