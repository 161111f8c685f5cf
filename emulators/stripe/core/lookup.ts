import type Stripe from "stripe";
import { resourceMissingError } from "./errors";
import type { EmulatorState } from "./state";

type ObjectCollection = Exclude<keyof EmulatorState, "checkoutExtras" | "idempotency">;

// Prefix → collection, used by `expand[]` to turn an id back into its object.
const collectionByPrefix: Array<[string, ObjectCollection]> = [
  ["cus_", "customers"],
  ["pm_", "paymentMethods"],
  ["cs_", "checkoutSessions"],
  ["pi_", "paymentIntents"],
  ["ch_", "charges"],
  ["py_", "charges"],
  ["seti_", "setupIntents"],
  ["re_", "refunds"],
  ["dp_", "disputes"],
  ["bps_", "portalSessions"],
  ["evt_", "events"],
  // Issue 20: invoices and what hangs off them ("inpay_" does not start with "in_").
  ["in_", "invoices"],
  ["ii_", "invoiceItems"],
  ["inpay_", "invoicePayments"],
  ["cn_", "creditNotes"],
];

export function findObjectById(state: EmulatorState, id: string): object | undefined {
  const entry = collectionByPrefix.find(([prefix]) => id.startsWith(prefix));
  return entry ? state[entry[1]][id] : undefined;
}

function requireFrom<T>(record: Record<string, T>, id: string, noun: string, param?: string): T {
  const found = Object.hasOwn(record, id) ? record[id] : undefined;
  if (!found) throw resourceMissingError(noun, id, param);
  return found;
}

export function getCustomerOrThrow(state: EmulatorState, id: string, param?: string): Stripe.Customer {
  return requireFrom(state.customers, id, "customer", param);
}

export function getPaymentMethodOrThrow(state: EmulatorState, id: string, param?: string): Stripe.PaymentMethod {
  return requireFrom(state.paymentMethods, id, "PaymentMethod", param);
}

export function getCheckoutSessionOrThrow(state: EmulatorState, id: string, param?: string): Stripe.Checkout.Session {
  return requireFrom(state.checkoutSessions, id, "checkout.session", param);
}

export function getPaymentIntentOrThrow(state: EmulatorState, id: string, param?: string): Stripe.PaymentIntent {
  return requireFrom(state.paymentIntents, id, "payment_intent", param);
}

export function getChargeOrThrow(state: EmulatorState, id: string, param?: string): Stripe.Charge {
  return requireFrom(state.charges, id, "charge", param);
}

export function getSetupIntentOrThrow(state: EmulatorState, id: string, param?: string): Stripe.SetupIntent {
  return requireFrom(state.setupIntents, id, "setup_intent", param);
}

export function getRefundOrThrow(state: EmulatorState, id: string): Stripe.Refund {
  return requireFrom(state.refunds, id, "refund");
}

export function getDisputeOrThrow(state: EmulatorState, id: string): Stripe.Dispute {
  return requireFrom(state.disputes, id, "dispute");
}

export function getEventOrThrow(state: EmulatorState, id: string): Stripe.Event {
  return requireFrom(state.events, id, "event");
}

export function getPortalSessionOrThrow(state: EmulatorState, id: string): Stripe.BillingPortal.Session {
  return requireFrom(state.portalSessions, id, "billing_portal.session");
}

export function getInvoiceOrThrow(state: EmulatorState, id: string, param?: string): Stripe.Invoice {
  return requireFrom(state.invoices, id, "invoice", param);
}

export function getInvoiceItemOrThrow(state: EmulatorState, id: string, param?: string): Stripe.InvoiceItem {
  return requireFrom(state.invoiceItems, id, "invoiceitem", param);
}

export function getInvoicePaymentOrThrow(state: EmulatorState, id: string): Stripe.InvoicePayment {
  return requireFrom(state.invoicePayments, id, "invoice_payment");
}

export function getCreditNoteOrThrow(state: EmulatorState, id: string): Stripe.CreditNote {
  return requireFrom(state.creditNotes, id, "credit_note");
}
