import type Stripe from "stripe";

// What Checkout keeps about a session beyond the public object: the caller's intent data and the
// line items (Stripe only returns those through expand or listLineItems).
export type CheckoutExtras = {
  lineItems: Stripe.LineItem[];
  paymentIntentData: {
    setupFutureUsage: "off_session" | "on_session" | null;
    metadata: Stripe.Metadata;
    description: string | null;
  };
  setupIntentData: { metadata: Stripe.Metadata; description: string | null };
  isAwaitingSettlement: boolean;
  /** `customer_update` of the create call (the SDK's Session has no such field); absent = never. */
  customerUpdate?: { name: "auto" | "never"; address: "auto" | "never" };
};

export type IdempotencyRecord = {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  createdAt: number;
};

// Everything the emulator remembers; plain records so the whole thing round-trips through JSON.
// Records keep insertion order (ids never look like integers), which lists rely on.
export type EmulatorState = {
  customers: Record<string, Stripe.Customer>;
  paymentMethods: Record<string, Stripe.PaymentMethod>;
  checkoutSessions: Record<string, Stripe.Checkout.Session>;
  checkoutExtras: Record<string, CheckoutExtras>;
  paymentIntents: Record<string, Stripe.PaymentIntent>;
  charges: Record<string, Stripe.Charge>;
  setupIntents: Record<string, Stripe.SetupIntent>;
  refunds: Record<string, Stripe.Refund>;
  disputes: Record<string, Stripe.Dispute>;
  portalSessions: Record<string, Stripe.BillingPortal.Session>;
  // Issue 20: invoices (with their lines inside `lines`), pending or attached invoice items, the
  // payments of invoices, credit notes, and customers' tax IDs.
  invoices: Record<string, Stripe.Invoice>;
  invoiceItems: Record<string, Stripe.InvoiceItem>;
  invoicePayments: Record<string, Stripe.InvoicePayment>;
  creditNotes: Record<string, Stripe.CreditNote>;
  taxIds: Record<string, Stripe.TaxId>;
  events: Record<string, Stripe.Event>;
  idempotency: Record<string, IdempotencyRecord>;
};

export function createEmptyState(): EmulatorState {
  return {
    customers: {},
    paymentMethods: {},
    checkoutSessions: {},
    checkoutExtras: {},
    paymentIntents: {},
    charges: {},
    setupIntents: {},
    refunds: {},
    disputes: {},
    portalSessions: {},
    invoices: {},
    invoiceItems: {},
    invoicePayments: {},
    creditNotes: {},
    taxIds: {},
    events: {},
    idempotency: {},
  };
}

export function replaceState(target: EmulatorState, source: EmulatorState): void {
  Object.assign(target, source);
}
