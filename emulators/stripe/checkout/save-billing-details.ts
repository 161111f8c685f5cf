import type Stripe from "stripe";
import { ensureCustomerTaxId } from "../customers/tax-id-actions";
import type { Emulator } from "../emulator";
import { diffAttributes, recordEvent } from "../events/record-event";
import type { BillingDetails } from "./billing-details";

// After payment: `customer_update[name|address]=auto` copies what the buyer typed to the customer,
// and a collected tax ID is added to the customer (Checkout does both, announcing each change).
export function saveBillingDetailsToCustomer(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  customerId: string | null,
  details: BillingDetails,
): void {
  const customer = customerId ? emulator.state.customers[customerId] : undefined;
  if (!customer) return;
  const update = emulator.state.checkoutExtras[session.id]?.customerUpdate;
  const before = structuredClone(customer);
  if (update?.name === "auto" && details.name) customer.name = details.name;
  if (update?.address === "auto" && details.address) customer.address = details.address;
  const changed = diffAttributes(before, customer);
  if (Object.keys(changed).length > 0) recordEvent(emulator, "customer.updated", customer, changed);
  if (details.taxId) ensureCustomerTaxId(emulator, customer.id, details.taxId);
}
