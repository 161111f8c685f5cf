import type Stripe from "stripe";
import { resourceMissingError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { checkTaxIdOrThrow } from "./tax-id-types";

export type TaxIdInput = { type: string; value: string };

// Creates a customer's TaxId (`txi_…`). Verification stays `pending`: the emulator never contacts VIES/HMRC.
export function addCustomerTaxId(emulator: Emulator, customerId: string, input: TaxIdInput): Stripe.TaxId {
  const value = input.value.trim();
  const { country } = checkTaxIdOrThrow(input.type, value);
  const taxId: Stripe.TaxId = {
    id: createId("txi"),
    object: "tax_id",
    country,
    created: nowSeconds(),
    customer: customerId,
    customer_account: null,
    livemode: false,
    owner: { type: "customer", customer: customerId, customer_account: null },
    type: input.type,
    value,
    verification: { status: "pending", verified_address: null, verified_name: null },
  };
  emulator.state.taxIds[taxId.id] = taxId;
  recordEvent(emulator, "customer.tax_id.created", taxId);
  return taxId;
}

// Checkout adds what the buyer typed unless the customer already has that exact ID.
export function ensureCustomerTaxId(emulator: Emulator, customerId: string, input: TaxIdInput): Stripe.TaxId {
  const value = input.value.trim();
  const existing = listCustomerTaxIds(emulator, customerId).find(
    (taxId) => taxId.type === input.type && taxId.value === value,
  );
  return existing ?? addCustomerTaxId(emulator, customerId, { type: input.type, value });
}

/** The customer's tax IDs, newest first (Stripe's list order). */
export function listCustomerTaxIds(emulator: Emulator, customerId: string): Stripe.TaxId[] {
  return Object.values(emulator.state.taxIds)
    .filter((taxId) => taxId.customer === customerId)
    .reverse();
}

export function getCustomerTaxIdOrThrow(emulator: Emulator, customerId: string, id: string): Stripe.TaxId {
  const taxId = Object.hasOwn(emulator.state.taxIds, id) ? emulator.state.taxIds[id] : undefined;
  if (!taxId || taxId.customer !== customerId) throw resourceMissingError("tax_id", id);
  return taxId;
}

export function deleteCustomerTaxId(emulator: Emulator, customerId: string, id: string): Stripe.DeletedTaxId {
  const taxId = getCustomerTaxIdOrThrow(emulator, customerId, id);
  delete emulator.state.taxIds[id];
  recordEvent(emulator, "customer.tax_id.deleted", taxId);
  return { id, object: "tax_id", deleted: true };
}
