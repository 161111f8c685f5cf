import type Stripe from "stripe";
import { computeTax } from "../tax/tax-rates";

// The emulator has no TaxRate objects; the id only names the country's fixed rate.
export function taxRateIdFor(country: string): string {
  return `txr_emulated_${country}`;
}

export function buildLineTax(taxable: number, country: string | null): Stripe.InvoiceLineItem.Tax {
  const tax = computeTax(taxable, country);
  return {
    amount: tax.amount,
    tax_behavior: "exclusive",
    tax_rate_details: tax.country && tax.percentage !== null ? { tax_rate: taxRateIdFor(tax.country) } : null,
    taxability_reason: tax.taxabilityReason,
    taxable_amount: taxable,
    type: "tax_rate_details",
  };
}

// Stripe sums line taxes per rate; with one fixed rate per country that is one entry per reason.
function sumTaxes(lines: Stripe.InvoiceLineItem[]): Stripe.Invoice.TotalTax[] {
  const totals = new Map<string, Stripe.Invoice.TotalTax>();
  for (const line of lines) {
    for (const tax of line.taxes ?? []) {
      const key = `${tax.tax_rate_details?.tax_rate ?? ""}|${tax.taxability_reason}`;
      const current = totals.get(key);
      if (current) {
        current.amount += tax.amount;
        current.taxable_amount = (current.taxable_amount ?? 0) + (tax.taxable_amount ?? 0);
      } else totals.set(key, { ...tax, tax_rate_details: tax.tax_rate_details && { ...tax.tax_rate_details } });
    }
  }
  return [...totals.values()];
}

// Recomputes every amount from the lines. `taxCountry` is the customer's country when automatic
// tax is on (null: no tax); lines that already carry their taxes (a Checkout invoice) keep them.
export function applyInvoiceTotals(
  invoice: Stripe.Invoice,
  options: { taxCountry: string | null; keepLineTaxes?: boolean },
): void {
  const lines = invoice.lines.data;
  if (!options.keepLineTaxes) {
    // Stripe Tax needs the customer's location; without it the draft waits for one (no tax yet).
    const isLocated = invoice.automatic_tax.enabled && options.taxCountry !== null;
    if (invoice.automatic_tax.enabled)
      invoice.automatic_tax.status = isLocated ? "complete" : "requires_location_inputs";
    for (const line of lines) line.taxes = isLocated ? [buildLineTax(line.amount, options.taxCountry)] : [];
  }
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const totalTaxes = sumTaxes(lines);
  const tax = totalTaxes.reduce((sum, entry) => sum + entry.amount, 0);
  invoice.subtotal = subtotal;
  invoice.subtotal_excluding_tax = subtotal;
  invoice.total_excluding_tax = subtotal;
  invoice.total_taxes = totalTaxes;
  invoice.total = subtotal + tax;
  invoice.amount_due = invoice.total;
  invoice.amount_remaining = Math.max(0, invoice.amount_due - invoice.amount_paid);
}
