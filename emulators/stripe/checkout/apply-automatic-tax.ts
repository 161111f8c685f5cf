import type Stripe from "stripe";
import { computeTax, taxRateFor } from "../tax/tax-rates";

export type SessionTotals = { subtotal: number; tax: number; total: number; percentage: number | null };

// Tax per line as Stripe rounds it: on top of tax-exclusive lines; inside inclusive ones (the
// price already holds it); none on `unspecified` lines, which Stripe Tax would refuse to guess.
function lineTax(item: Stripe.LineItem, country: string): { tax: number; total: number } {
  const subtotal = item.amount_subtotal;
  const behaviour = item.price?.tax_behavior ?? "unspecified";
  if (behaviour === "exclusive") {
    const tax = computeTax(subtotal, country).amount;
    return { tax, total: subtotal + tax };
  }
  const percentage = taxRateFor(country);
  if (behaviour === "inclusive" && percentage !== null) {
    return { tax: Math.floor((subtotal * percentage) / (100 + percentage) + 0.5), total: subtotal };
  }
  return { tax: 0, total: subtotal };
}

/** What the session would charge for a buyer in `country` (for the page's preview and for completion). */
export function quoteSessionTotals(lineItems: Stripe.LineItem[], country: string): SessionTotals {
  let subtotal = 0;
  let tax = 0;
  let total = 0;
  for (const item of lineItems) {
    const line = lineTax(item, country);
    subtotal += item.amount_subtotal;
    tax += line.tax;
    total += line.total;
  }
  return { subtotal, tax, total, percentage: taxRateFor(country) };
}

// Writes the tax for the buyer's country into the line items and the session's totals, so the
// PaymentIntent (and the invoice) charge `amount_total`. Recomputed from the subtotals each time,
// so a buyer who changes country between attempts gets the new tax.
export function applyAutomaticTax(session: Stripe.Checkout.Session, lineItems: Stripe.LineItem[], country: string) {
  if (!session.automatic_tax.enabled) return;
  for (const item of lineItems) {
    const line = lineTax(item, country);
    item.amount_tax = line.tax;
    item.amount_total = line.total;
  }
  const totals = quoteSessionTotals(lineItems, country);
  session.amount_subtotal = totals.subtotal;
  session.amount_total = totals.total;
  session.total_details = { amount_discount: 0, amount_shipping: 0, amount_tax: totals.tax };
  session.automatic_tax = { ...session.automatic_tax, status: "complete" };
}
