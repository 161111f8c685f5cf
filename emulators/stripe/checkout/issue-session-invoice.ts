import type Stripe from "stripe";
import type { Emulator } from "../emulator";
import { issueCheckoutInvoice } from "../invoices/issue-checkout-invoice";

// `invoice_creation[enabled]`: once the session's payment succeeded (at once for a card, when a
// bank debit settles), Checkout issues a paid invoice for it and links it as `session.invoice`.
// Needs `customer_details` set first: the invoice copies the buyer's name, address and tax IDs.
export function issueSessionInvoice(
  emulator: Emulator,
  session: Stripe.Checkout.Session,
  paymentIntent: Stripe.PaymentIntent,
): void {
  if (!session.invoice_creation?.enabled || session.invoice) return;
  const invoice = issueCheckoutInvoice(emulator, {
    session,
    paymentIntent,
    invoiceData: session.invoice_creation.invoice_data,
  });
  session.invoice = invoice.id;
}
