import type Stripe from "stripe";
import { invalidRequestError } from "../core/errors";
import { nowSeconds } from "../core/ids";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { recordEvent } from "../events/record-event";
import { applyInvoiceTotals } from "./invoice-totals";

// A finalized invoice keeps who it was for at that moment, as Stripe's `customer_*` fields do.
export function snapshotCustomer(emulator: Emulator, invoice: Stripe.Invoice): void {
  const customerId = readId(invoice.customer);
  const customer = customerId ? emulator.state.customers[customerId] : undefined;
  if (!customer) return;
  invoice.customer_name = customer.name ?? null;
  invoice.customer_email = customer.email ?? null;
  invoice.customer_phone = customer.phone ?? null;
  invoice.customer_address = customer.address ? structuredClone(customer.address) : null;
  invoice.customer_tax_exempt = customer.tax_exempt ?? "none";
  invoice.customer_tax_ids = Object.values(emulator.state.taxIds)
    .filter((taxId) => readId(taxId.customer) === customer.id)
    .map((taxId) => ({ type: taxId.type, value: taxId.value }));
}

export function customerCountry(emulator: Emulator, invoice: Stripe.Invoice): string | null {
  const customerId = readId(invoice.customer);
  return (customerId ? emulator.state.customers[customerId]?.address?.country : null) ?? null;
}

// `<CUSTOMER PREFIX>-0001`, counting per customer like Stripe's `invoice_prefix` numbering;
// invoices without a customer count on one emulator-wide prefix.
export function assignInvoiceNumber(emulator: Emulator, customerId: string | null): string {
  const customer = customerId ? emulator.state.customers[customerId] : undefined;
  if (customer) {
    const sequence = customer.next_invoice_sequence ?? 1;
    customer.next_invoice_sequence = sequence + 1;
    return `${customer.invoice_prefix ?? "EMULATOR"}-${String(sequence).padStart(4, "0")}`;
  }
  const taken = Object.values(emulator.state.invoices).filter((invoice) => invoice.number?.startsWith("GUEST-")).length;
  return `GUEST-${String(taken + 1).padStart(4, "0")}`;
}

export function invoiceUrls(emulator: Emulator, invoiceId: string) {
  const base = emulator.config.publicUrl;
  return { hosted: `${base}/i/${invoiceId}`, pdf: `${base}/i/${invoiceId}/pdf` };
}

// Number, `open`, urls and `invoice.finalized`: what every finalization shares (API and Checkout).
export function stampFinalized(emulator: Emulator, invoice: Stripe.Invoice): void {
  const now = nowSeconds();
  const urls = invoiceUrls(emulator, invoice.id);
  invoice.number = assignInvoiceNumber(emulator, readId(invoice.customer));
  invoice.status = "open";
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  invoice.hosted_invoice_url = urls.hosted;
  invoice.invoice_pdf = urls.pdf;
  invoice.ending_balance = 0;
  recordEvent(emulator, "invoice.finalized", invoice);
}

// Marks the invoice open with its number, customer snapshot, taxes and urls. Stripe closes a
// zero-amount invoice at once, so that one is paid right away.
export function finalizeInvoice(emulator: Emulator, invoice: Stripe.Invoice, autoAdvance?: boolean): void {
  if (invoice.status !== "draft") {
    throw invalidRequestError(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, {
      code: "invoice_not_editable",
    });
  }
  const country = customerCountry(emulator, invoice);
  if (invoice.automatic_tax.enabled && !country) {
    throw invalidRequestError(
      "The customer's location isn't recognized. Add an address with a country to the customer to calculate tax.",
      { code: "customer_tax_location_invalid", param: "automatic_tax" },
    );
  }
  snapshotCustomer(emulator, invoice);
  applyInvoiceTotals(invoice, { taxCountry: country });
  if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
  stampFinalized(emulator, invoice);
  if (invoice.amount_due === 0) {
    invoice.status = "paid";
    invoice.status_transitions.paid_at = nowSeconds();
    recordEvent(emulator, "invoice.paid", invoice);
  }
}
