import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { findCountryName } from "../customers/countries";
import { checkTaxIdOrThrow, describeTaxIdType } from "../customers/tax-id-types";

// What the buyer gives Checkout besides the card: the page's fields or the control's body.
export type BillingDetails = {
  email: string | null;
  name: string | null;
  address: Stripe.Address | null;
  taxId: { type: string; value: string } | null;
  businessName: string | null;
};

// Checkout asks for the address when the site requires it, and when it needs one to compute tax.
export function isAddressCollected(session: Stripe.Checkout.Session): boolean {
  return session.billing_address_collection === "required" || session.automatic_tax.enabled;
}

const ADDRESS_LABELS: ReadonlyArray<[keyof Stripe.Address, string]> = [
  ["country", "Country"],
  ["line1", "Address line 1"],
  ["city", "City"],
  ["postal_code", "Postal code"],
];

function checkAddressOrThrow(address: Stripe.Address | null): void {
  for (const [field, label] of ADDRESS_LABELS) {
    if (!address?.[field]) {
      throw invalidRequestError(`Enter your billing address: ${label} is missing.`, {
        param: `address[${field}]`,
        code: "parameter_missing",
      });
    }
  }
  if (!findCountryName(address?.country)) {
    throw invalidRequestError(`The Stripe emulator does not know the country "${address?.country ?? ""}".`, {
      param: "address[country]",
      code: "parameter_invalid",
    });
  }
}

// Refuses incomplete details before anything is charged; the messages are shown on the hosted page.
export function checkBillingDetailsOrThrow(session: Stripe.Checkout.Session, details: BillingDetails): void {
  if (isAddressCollected(session)) {
    checkAddressOrThrow(details.address);
    if (!details.name) {
      throw invalidRequestError("Enter your name.", { param: "name", code: "parameter_missing" });
    }
  }
  if (details.taxId === null) return;
  if (!session.tax_id_collection?.enabled) {
    throw invalidRequestError("This Checkout Session does not collect tax IDs.", { param: "tax_id" });
  }
  try {
    checkTaxIdOrThrow(details.taxId.type, details.taxId.value);
  } catch {
    const described = describeTaxIdType(details.taxId.type);
    const expected = described ? ` Expected a ${described.label} like ${described.example}.` : "";
    throw invalidRequestError(`Your tax ID is not valid.${expected}`, { param: "tax_id", code: "tax_id_invalid" });
  }
}

export function buildCustomerDetails(details: BillingDetails): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: details.address,
    business_name: details.businessName,
    email: details.email,
    individual_name: null,
    name: details.name,
    phone: null,
    tax_exempt: "none",
    tax_ids: details.taxId ? [{ type: details.taxId.type, value: details.taxId.value }] : [],
  };
}
