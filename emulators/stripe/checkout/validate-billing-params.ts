import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import type { CreateSessionParams } from "./create-session-schema";

// Stripe's rules for billing details, tax IDs, automatic tax and invoices on a new session, in its words.
export function validateBillingParams(params: CreateSessionParams, customer: Stripe.Customer | null): void {
  if (params.customer_update !== undefined && params.customer === undefined) {
    throw invalidRequestError("`customer_update` can only be used with `customer`.", { param: "customer_update" });
  }
  if (params.invoice_creation !== undefined && params.mode !== "payment") {
    throw invalidRequestError("You can only set `invoice_creation` in `payment` mode.", {
      param: "invoice_creation",
    });
  }
  if (params.automatic_tax?.enabled && params.mode === "setup") {
    throw invalidRequestError("You can only enable `automatic_tax` in `payment` or `subscription` mode.", {
      param: "automatic_tax[enabled]",
    });
  }
  // Without a customer Checkout collects the address it needs; with one, it needs the customer's
  // address or permission to save the one typed in.
  const canSaveAddress = params.customer_update?.address === "auto";
  if (params.automatic_tax?.enabled && customer && !canSaveAddress && !customer.address?.country) {
    throw invalidRequestError(
      "Automatic tax calculation in Checkout requires a valid address on the Customer. Add a valid address to the " +
        "Customer or set either `customer_update[address]` to 'auto' or `customer_update[shipping]` to 'auto' to save " +
        "the address entered in Checkout to the Customer.",
      { param: "automatic_tax[enabled]" },
    );
  }
  if (params.tax_id_collection?.enabled && customer && params.customer_update?.name !== "auto") {
    throw invalidRequestError(
      "`tax_id_collection` requires `customer_update[name]` to be set to 'auto' when a `customer` is provided.",
      { param: "customer_update[name]" },
    );
  }
}
