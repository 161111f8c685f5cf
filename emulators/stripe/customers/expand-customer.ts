import type Stripe from "stripe";
import { expandObject } from "../core/expand";
import type { Emulator } from "../emulator";
import { listCustomerTaxIds } from "./tax-id-actions";

// `tax_ids` is not stored on the customer: Stripe includes the list only when asked
// (`expand[]=tax_ids`), so it is built here and the other paths go to the generic expander.
export function expandCustomer(emulator: Emulator, customer: Stripe.Customer, expand: string[] | undefined) {
  const rest = (expand ?? []).filter((path) => path !== "tax_ids");
  const expanded = expandObject(emulator.state, customer, rest);
  if (rest.length === (expand ?? []).length) return expanded;
  const data = listCustomerTaxIds(emulator, customer.id);
  return {
    ...structuredClone(expanded),
    tax_ids: { object: "list", data, has_more: false, url: `/v1/customers/${customer.id}/tax_ids` },
  } satisfies Stripe.Customer;
}
