import type Stripe from "stripe";
import type { Emulator } from "../emulator";

// `invoice_creation[enabled]`: once the session's payment succeeded, Checkout issues a paid invoice
// for it and links it as `session.invoice`. Waiting for H1's issueCheckoutInvoice (t20-emu-invoices).
export function issueSessionInvoice(
  _emulator: Emulator,
  session: Stripe.Checkout.Session,
  _paymentIntent: Stripe.PaymentIntent,
): void {
  if (!session.invoice_creation?.enabled || session.invoice) return;
}
