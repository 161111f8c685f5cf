// The top-up a site makes with Checkout, and a German business buyer, shared by the Checkout tests.
import type Stripe from "stripe";

// What the site sends for a top-up (the contract in helper-common-20.md).
export function siteParams(customer: string, isAutomaticTax = false): Partial<Stripe.Checkout.SessionCreateParams> {
  return {
    customer,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: "usd",
          unit_amount: 2500,
          tax_behavior: "exclusive",
          product_data: { name: "Prepaid credit" },
        },
      },
    ],
    invoice_creation: {
      enabled: true,
      invoice_data: { description: "Prepaid credit", metadata: { billing_account_id: "acct_1", purpose: "top_up" } },
    },
    billing_address_collection: "required",
    tax_id_collection: { enabled: true },
    customer_update: { name: "auto", address: "auto" },
    automatic_tax: { enabled: isAutomaticTax },
  };
}

export const GERMAN_BUSINESS = {
  name: "Grace Hopper",
  country: "DE",
  line1: "Hauptstr. 1",
  city: "Berlin",
  postal_code: "10115",
  is_business: "yes",
  business_name: "Hopper GmbH",
  tax_id: "DE123456789",
};
