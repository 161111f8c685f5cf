import "server-only";
import type Stripe from "stripe";

export type BillingAddress = { line1: string; line2: string; city: string; postalCode: string; country: string };
export type BillingTaxId = { id: string; type: string; value: string };

/**
 * What the billing page shows of the Stripe customer: `none` before the account has a customer (the
 * first payment or the form creates it), `unavailable` when Stripe did not answer in time.
 */
export type BillingDetails =
  | { status: "none" }
  | { status: "unavailable" }
  | { status: "saved"; name: string | null; address: BillingAddress | null; taxIds: BillingTaxId[] };

/** The billing details held on a Stripe customer (read with `expand: ["tax_ids"]`). */
export function billingDetailsOf(customer: Stripe.Customer): BillingDetails {
  const address = customer.address;
  return {
    status: "saved",
    name: customer.name || null,
    address:
      address && (address.line1 || address.country)
        ? {
            line1: address.line1 ?? "",
            line2: address.line2 ?? "",
            city: address.city ?? "",
            postalCode: address.postal_code ?? "",
            country: address.country ?? "",
          }
        : null,
    taxIds: (customer.tax_ids?.data ?? []).map((taxId) => ({ id: taxId.id, type: taxId.type, value: taxId.value })),
  };
}
