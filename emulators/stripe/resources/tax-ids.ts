// /v1/customers/:id/tax_ids: create, list, retrieve, delete a customer's tax IDs.
import { z } from "zod";
import { pathParam, type ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { getCustomerOrThrow } from "../core/lookup";
import { paginateList } from "../core/list";
import {
  addCustomerTaxId,
  deleteCustomerTaxId,
  getCustomerTaxIdOrThrow,
  listCustomerTaxIds,
} from "../customers/tax-id-actions";
import { expandParam, listParamsShape, parseParams } from "../http/params";
import type { Route } from "../http/router";

const createSchema = z.strictObject({ type: z.string().min(1), value: z.string().min(1), expand: expandParam });
const listSchema = z.strictObject({ ...listParamsShape });
const expandOnly = z.strictObject({ expand: expandParam });

const createTaxId: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(createSchema, request.params);
  return expandObject(emulator.state, addCustomerTaxId(emulator, customer.id, params), params.expand);
};

const listTaxIds: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(listSchema, request.params);
  const items = listCustomerTaxIds(emulator, customer.id);
  return expandObject(
    emulator.state,
    paginateList(items, params, `/v1/customers/${customer.id}/tax_ids`),
    params.expand,
  );
};

const retrieveTaxId: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  const params = parseParams(expandOnly, request.params);
  const taxId = getCustomerTaxIdOrThrow(emulator, customer.id, pathParam(request, "taxId"));
  return expandObject(emulator.state, taxId, params.expand);
};

const deleteTaxId: ApiHandler = (emulator, request) => {
  const customer = getCustomerOrThrow(emulator.state, pathParam(request, "id"));
  parseParams(z.strictObject({}), request.params);
  return deleteCustomerTaxId(emulator, customer.id, pathParam(request, "taxId"));
};

export const taxIdRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/customers/:id/tax_ids", handler: createTaxId },
  { method: "GET", pattern: "/v1/customers/:id/tax_ids", handler: listTaxIds },
  { method: "GET", pattern: "/v1/customers/:id/tax_ids/:taxId", handler: retrieveTaxId },
  { method: "DELETE", pattern: "/v1/customers/:id/tax_ids/:taxId", handler: deleteTaxId },
];
