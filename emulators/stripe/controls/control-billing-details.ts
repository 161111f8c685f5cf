import type Stripe from "stripe";
import { isAddressCollected, type BillingDetails } from "../checkout/billing-details";
import { readId } from "../core/read-id";
import { toAddress } from "../customers/address";
import type { Emulator } from "../emulator";
import type { CompleteBody } from "./control-schemas";

/** Used when the control is not given an address and the customer has none: tax-free, so old tests keep their totals. */
export const DEFAULT_CONTROL_ADDRESS: Stripe.Address = {
  line1: "1 Test Street",
  line2: null,
  city: "Testville",
  postal_code: "10001",
  state: null,
  country: "US",
};

// The control stands in for a person on the hosted page, which comes prefilled from the customer:
// without `address`/`name`, the customer's are used, then a default, so a plain `{ card }` still completes.
export function readControlBillingDetails(emulator: Emulator, sessionId: string, body: CompleteBody): BillingDetails {
  const session = Object.hasOwn(emulator.state.checkoutSessions, sessionId)
    ? emulator.state.checkoutSessions[sessionId]
    : undefined;
  const customer = session ? emulator.state.customers[readId(session.customer) ?? ""] : undefined;
  const isCollected = session !== undefined && isAddressCollected(session);
  const address = body.address
    ? toAddress(body.address)
    : isCollected
      ? customer?.address?.country
        ? customer.address
        : DEFAULT_CONTROL_ADDRESS
      : null;
  return {
    email: body.email ?? null,
    name: body.name ?? (isCollected ? (customer?.name ?? "Test Buyer") : null),
    address,
    taxId: body.tax_id ?? null,
    businessName: body.business_name ?? null,
  };
}
