// /v1/customers: create, retrieve, update, list, list payment methods (tax IDs: resources/tax-ids.ts).
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { getCustomerOrThrow } from "../core/lookup";
import { expandObject } from "../core/expand";
import { invalidRequestError } from "../core/errors";
import { listNewestFirst, matchesCreated, paginateList } from "../core/list";
import type { Route } from "../http/router";
import { expandParam, listParamsShape, mergeMetadata, metadataParam, parseParams } from "../http/params";
import { attachPaymentMethod, resolvePaymentMethod, setDefaultPaymentMethod } from "../cards/payment-method-actions";
import type { Emulator } from "../emulator";
import { buildCustomer } from "../customers/build-customer";
import { addressParam, toAddress } from "../customers/address";
import { expandCustomer } from "../customers/expand-customer";
import { diffAttributes, recordEvent } from "../events/record-event";

const customerFields = {
  email: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  phone: z.string().optional(),
  address: addressParam,
  metadata: metadataParam,
  invoice_settings: z.strictObject({ default_payment_method: z.string().optional() }).optional(),
  expand: expandParam,
};

const createSchema = z.strictObject({ ...customerFields, payment_method: z.string().optional() });
const updateSchema = z.strictObject(customerFields);
const listSchema = z.strictObject({ ...listParamsShape, email: z.string().optional() });
const listPaymentMethodsSchema = z.strictObject({ ...listParamsShape, type: z.string().optional() });

const toNullable = (value: string | undefined) => (value === undefined || value === "" ? null : value);

// Stripe only accepts a default that is already attached to this customer.
function readDefaultPaymentMethod(
  emulator: Emulator,
  customerId: string,
  id: string | undefined,
): string | null | undefined {
  if (id === undefined) return undefined;
  if (id === "") return null;
  const paymentMethod = emulator.state.paymentMethods[id];
  if (!paymentMethod || paymentMethod.customer !== customerId) {
    throw invalidRequestError(
      `The customer does not have a payment method with the ID ${id}. The payment method must be attached to the customer.`,
      { param: "invoice_settings[default_payment_method]", code: "resource_missing" },
    );
  }
  return id;
}

const createCustomer: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  const customer = buildCustomer({
    email: toNullable(params.email),
    name: toNullable(params.name),
    description: toNullable(params.description),
    phone: toNullable(params.phone),
    metadata: mergeMetadata(null, params.metadata),
  });
  if (params.address !== undefined) customer.address = toAddress(params.address);
  const paymentMethod = params.payment_method
    ? resolvePaymentMethod(emulator, params.payment_method, "payment_method")
    : null;
  emulator.state.customers[customer.id] = customer;
  recordEvent(emulator, "customer.created", customer);
  if (paymentMethod) attachPaymentMethod(emulator, paymentMethod, customer.id);
  const defaultId = readDefaultPaymentMethod(emulator, customer.id, params.invoice_settings?.default_payment_method);
  if (defaultId !== undefined) setDefaultPaymentMethod(emulator, customer, defaultId);
  return expandCustomer(emulator, customer, params.expand);
};

const retrieveCustomer: ApiHandler = (emulator, request) => {
  const params = parseParams(z.strictObject({ expand: expandParam }), request.params);
  return expandCustomer(emulator, getCustomerOrThrow(emulator.state, pathParam(request, "id")), params.expand);
};

const updateCustomer: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(updateSchema, request.params);
  const defaultId = readDefaultPaymentMethod(emulator, customer.id, params.invoice_settings?.default_payment_method);
  const before = structuredClone(customer);
  if (defaultId !== undefined)
    customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: defaultId };
  if (params.email !== undefined) customer.email = toNullable(params.email);
  if (params.name !== undefined) customer.name = toNullable(params.name);
  if (params.description !== undefined) customer.description = toNullable(params.description);
  if (params.phone !== undefined) customer.phone = toNullable(params.phone);
  if (params.address !== undefined) customer.address = toAddress(params.address);
  customer.metadata = mergeMetadata(customer.metadata, params.metadata);
  const changed = diffAttributes(before, customer);
  if (Object.keys(changed).length > 0) recordEvent(emulator, "customer.updated", customer, changed);
  return expandCustomer(emulator, customer, params.expand);
};

const listCustomers: ApiHandler = (emulator, request) => {
  const params = parseParams(listSchema, request.params);
  const items = listNewestFirst(emulator.state.customers).filter(
    (customer) =>
      (params.email === undefined || customer.email === params.email) &&
      matchesCreated(customer.created, params.created),
  );
  return expandObject(emulator.state, paginateList(items, params, "/v1/customers"), params.expand);
};

const listCustomerPaymentMethods: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(listPaymentMethodsSchema, request.params);
  const items = listNewestFirst(emulator.state.paymentMethods).filter(
    (method) => method.customer === customer.id && (params.type === undefined || method.type === params.type),
  );
  return expandObject(
    emulator.state,
    paginateList(items, params, `/v1/customers/${customer.id}/payment_methods`),
    params.expand,
  );
};

export const customerRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/customers", handler: createCustomer },
  { method: "GET", pattern: "/v1/customers", handler: listCustomers },
  { method: "GET", pattern: "/v1/customers/:id", handler: retrieveCustomer },
  { method: "POST", pattern: "/v1/customers/:id", handler: updateCustomer },
  { method: "GET", pattern: "/v1/customers/:id/payment_methods", handler: listCustomerPaymentMethods },
];
