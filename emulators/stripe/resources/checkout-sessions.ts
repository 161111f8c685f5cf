// /v1/checkout/sessions: create (payment and setup modes), retrieve, list, list line items, expire.
import type Stripe from "stripe";
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { buildCheckoutSession, buildLineItem } from "../checkout/build-checkout-session";
import { createSessionSchema, type CreateSessionParams } from "../checkout/create-session-schema";
import { expireCheckoutSession, expireDueSessions } from "../checkout/session-lifecycle";
import { invalidRequestError, missingParamError } from "../core/errors";
import { expandObject } from "../core/expand";
import { nowSeconds } from "../core/ids";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import { getCheckoutSessionOrThrow, getCustomerOrThrow } from "../core/lookup";
import type { Emulator } from "../emulator";
import { expandParam, listParamsShape, mergeMetadata, parseParams } from "../http/params";
import type { Route } from "../http/router";
import { validateSessionParams } from "../checkout/validate-session-params";
import { validateBillingParams } from "../checkout/validate-billing-params";

const listSchema = z.strictObject({
  ...listParamsShape,
  status: z.enum(["open", "complete", "expired"]).optional(),
  payment_intent: z.string().optional(),
  customer: z.string().optional(),
  payment_link: z.string().optional(),
});
const expandOnly = z.strictObject({ expand: expandParam });

function readLineItems(params: CreateSessionParams) {
  return (params.line_items ?? []).map((item, index) => {
    if (item.price !== undefined) {
      throw invalidRequestError(`No such price: '${item.price}'`, {
        param: `line_items[${index}][price]`,
        code: "resource_missing",
      });
    }
    if (!item.price_data) throw missingParamError(`line_items[${index}][price_data]`);
    return buildLineItem({ ...item, price_data: item.price_data });
  });
}

function readInvoiceCreation(params: CreateSessionParams): Stripe.Checkout.Session.InvoiceCreation | null {
  if (params.mode !== "payment") return null;
  const data = params.invoice_creation?.invoice_data;
  return {
    enabled: params.invoice_creation?.enabled ?? false,
    invoice_data: {
      account_tax_ids: null,
      custom_fields: null,
      description: data?.description ?? null,
      footer: data?.footer ?? null,
      issuer: null,
      metadata: mergeMetadata(null, data?.metadata),
      rendering_options: null,
    },
  };
}

function pickPaymentMethodTypes(params: CreateSessionParams): string[] {
  if (params.payment_method_types) return params.payment_method_types;
  return params.mode === "payment" ? ["card", "us_bank_account"] : ["card"];
}

const createSession: ApiHandler = (emulator, request) => {
  const params = parseParams(createSessionSchema, request.params);
  validateSessionParams(params);
  if (params.mode === "subscription")
    throw invalidRequestError("The Stripe emulator does not implement mode=subscription.", { param: "mode" });
  const customer = params.customer ? getCustomerOrThrow(emulator.state, params.customer, "customer") : null;
  validateBillingParams(params, customer);
  const lineItems = readLineItems(params);
  const session = buildCheckoutSession({
    mode: params.mode,
    lineItems,
    currency: lineItems[0]?.currency ?? null,
    customer: params.customer ?? null,
    customerEmail: params.customer_email ?? null,
    clientReferenceId: params.client_reference_id ?? null,
    metadata: mergeMetadata(null, params.metadata),
    successUrl: params.success_url,
    cancelUrl: params.cancel_url ?? null,
    expiresAt: params.expires_at ?? nowSeconds() + 24 * 60 * 60,
    paymentMethodTypes: pickPaymentMethodTypes(params),
    publicUrl: emulator.config.publicUrl,
    billingAddressCollection: params.billing_address_collection ?? null,
    isTaxIdCollectionEnabled: params.tax_id_collection?.enabled ?? false,
    isAutomaticTaxEnabled: params.automatic_tax?.enabled ?? false,
    invoiceCreation: readInvoiceCreation(params),
  });
  if (session.amount_total !== null && session.amount_total < 50) {
    throw invalidRequestError("The Checkout Session's total amount due must add up to at least $0.50 usd", {
      param: "line_items",
      code: "amount_too_small",
    });
  }
  emulator.state.checkoutSessions[session.id] = session;
  emulator.state.checkoutExtras[session.id] = {
    lineItems,
    paymentIntentData: {
      setupFutureUsage: params.payment_intent_data?.setup_future_usage ?? null,
      metadata: mergeMetadata(null, params.payment_intent_data?.metadata),
      description: params.payment_intent_data?.description ?? null,
    },
    setupIntentData: {
      metadata: mergeMetadata(null, params.setup_intent_data?.metadata),
      description: params.setup_intent_data?.description ?? null,
    },
    isAwaitingSettlement: false,
    customerUpdate: {
      name: params.customer_update?.name ?? "never",
      address: params.customer_update?.address ?? "never",
    },
  };
  return expandObject(emulator.state, session, params.expand);
};

function readSession(emulator: Emulator, id: string) {
  expireDueSessions(emulator);
  return getCheckoutSessionOrThrow(emulator.state, id);
}

const retrieveSession: ApiHandler = (emulator, request) => {
  const params = parseParams(expandOnly, request.params);
  return expandObject(emulator.state, readSession(emulator, pathParam(request, "id")), params.expand);
};

const listSessions: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  expireDueSessions(emulator);
  const items = listNewestFirst(emulator.state.checkoutSessions).filter(
    (session) =>
      (params.status === undefined || session.status === params.status) &&
      (params.payment_intent === undefined || session.payment_intent === params.payment_intent) &&
      (params.customer === undefined || session.customer === params.customer) &&
      matchesCreated(session.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/checkout/sessions"), params.expand);
};

const listLineItems: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ ...listParamsShape }), request.params);
  const session = readSession(emulator, pathParam(request, "id"));
  const items = emulator.state.checkoutExtras[session.id]?.lineItems ?? [];
  return expandObject(
    emulator.state,
    paginateList(items, params, `/v1/checkout/sessions/${session.id}/line_items`),
    params.expand,
  );
};

const expireSession: ApiHandler = (emulator, request) => {
  const params = parseParams(expandOnly, request.params);
  return expandObject(emulator.state, expireCheckoutSession(emulator, pathParam(request, "id")), params.expand);
};

export const checkoutSessionRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/checkout/sessions", handler: createSession },
  { method: "GET", pattern: "/v1/checkout/sessions", handler: listSessions },
  { method: "GET", pattern: "/v1/checkout/sessions/:id", handler: retrieveSession },
  { method: "GET", pattern: "/v1/checkout/sessions/:id/line_items", handler: listLineItems },
  { method: "POST", pattern: "/v1/checkout/sessions/:id/expire", handler: expireSession },
];
