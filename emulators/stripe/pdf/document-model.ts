import type Stripe from "stripe";
import { readId } from "../core/read-id";
import type { Emulator } from "../emulator";
import { taxRateFor } from "../tax/tax-rates";

// What an invoice or a credit note shows, once: the hosted page and the PDF both render this.
export type DocumentModel = {
  kind: "Invoice" | "Credit note";
  number: string;
  issuer: string;
  facts: Array<[label: string, value: string]>;
  billTo: string[];
  lines: Array<{ description: string; quantity: string; amount: string }>;
  totals: Array<[label: string, value: string]>;
  status: string;
  notes: string[];
};

export const ISSUER = "Tandem (emulated)";

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDay(seconds: number | null | undefined): string {
  if (!seconds) return "—";
  return new Date(seconds * 1000).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
}

const TAX_ID_LABELS: Record<string, string> = {
  eu_vat: "EU VAT",
  gb_vat: "GB VAT",
  ch_vat: "CH VAT",
  no_vat: "NO VAT",
};

export function describeTaxId(taxId: { type: string; value: string | null }): string {
  return `${TAX_ID_LABELS[taxId.type] ?? taxId.type.toUpperCase().replaceAll("_", " ")} ${taxId.value ?? ""}`.trim();
}

function describeAddress(address: Stripe.Address | null): string[] {
  if (!address) return [];
  const cityLine = [address.postal_code, address.city, address.state].filter(Boolean).join(" ");
  return [address.line1, address.line2, cityLine, address.country].filter((part): part is string => Boolean(part));
}

function billToOf(invoice: Stripe.Invoice): string[] {
  return [
    invoice.customer_name,
    invoice.customer_email,
    ...describeAddress(invoice.customer_address),
    ...(invoice.customer_tax_ids ?? []).map(describeTaxId),
  ].filter((part): part is string => Boolean(part));
}

// "Tax (DE 19%)": the emulator's fixed rate per country; the rate id carries the country.
function taxLabel(taxRateId: string | undefined): string {
  const country = taxRateId?.replace("txr_emulated_", "") ?? null;
  const rate = taxRateFor(country);
  return rate === null || !country ? "Tax" : `Tax (${country} ${rate}%)`;
}

function taxTotals(
  taxes: Array<{ amount: number; tax_rate_details: { tax_rate: string } | null }> | null,
  currency: string,
): Array<[string, string]> {
  return (taxes ?? [])
    .filter((tax) => tax.amount > 0)
    .map((tax) => [taxLabel(tax.tax_rate_details?.tax_rate), formatMoney(tax.amount, currency)]);
}

export function creditNotesOf(emulator: Emulator, invoiceId: string): Stripe.CreditNote[] {
  return Object.values(emulator.state.creditNotes).filter((note) => note.invoice === invoiceId);
}

export function describeInvoice(emulator: Emulator, invoice: Stripe.Invoice): DocumentModel {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const notes = creditNotesOf(emulator, invoice.id);
  return {
    kind: "Invoice",
    number: invoice.number ?? "Draft",
    issuer: ISSUER,
    facts: [
      ["Invoice number", invoice.number ?? "Draft"],
      ["Date of issue", formatDay(invoice.status_transitions.finalized_at ?? invoice.created)],
      ["Date paid", formatDay(invoice.status_transitions.paid_at)],
    ],
    billTo: billToOf(invoice),
    lines: invoice.lines.data.map((line) => ({
      description: line.description ?? "Item",
      quantity: String(line.quantity ?? 1),
      amount: money(line.amount),
    })),
    totals: [
      ["Subtotal", money(invoice.subtotal)],
      ...taxTotals(invoice.total_taxes, invoice.currency),
      ["Total", money(invoice.total)],
      ["Amount paid", money(invoice.amount_paid)],
      ...notes.map((note): [string, string] => [`Credit note ${note.number}`, `-${money(note.total)}`]),
    ],
    status:
      invoice.status === "paid" ? `Paid ${formatDay(invoice.status_transitions.paid_at)}` : (invoice.status ?? ""),
    notes: [invoice.description, invoice.footer].filter((part): part is string => Boolean(part)),
  };
}

export function describeCreditNote(emulator: Emulator, note: Stripe.CreditNote): DocumentModel {
  const invoice = emulator.state.invoices[readId(note.invoice) ?? ""];
  const money = (cents: number) => formatMoney(cents, note.currency);
  const refunded = note.refunds.reduce((sum, refund) => sum + refund.amount_refunded, 0);
  return {
    kind: "Credit note",
    number: note.number,
    issuer: ISSUER,
    facts: [
      ["Credit note number", note.number],
      ["Invoice number", invoice?.number ?? readId(note.invoice) ?? ""],
      ["Date of issue", formatDay(note.effective_at ?? note.created)],
      ...(note.reason ? [["Reason", note.reason.replaceAll("_", " ")] as [string, string]] : []),
    ],
    billTo: invoice ? billToOf(invoice) : [],
    lines: note.lines.data.map((line) => ({
      description: line.description ?? "Credit",
      quantity: String(line.quantity ?? 1),
      amount: money(line.amount),
    })),
    totals: [
      ["Subtotal", money(note.subtotal)],
      ...taxTotals(note.total_taxes, note.currency),
      ["Total credited", money(note.total)],
      ...(refunded > 0 ? [["Refunded to the card", money(refunded)] as [string, string]] : []),
      ...(note.out_of_band_amount
        ? [["Settled outside Stripe", money(note.out_of_band_amount)] as [string, string]]
        : []),
    ],
    status: note.status === "issued" ? "Issued" : note.status,
    notes: [note.memo].filter((part): part is string => Boolean(part)),
  };
}
