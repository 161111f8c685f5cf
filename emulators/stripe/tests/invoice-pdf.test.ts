import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function createPaidGermanInvoice() {
  const customer = await t.stripe.customers.create({
    email: "owner@example.com",
    name: "Analytical Engines GmbH",
    address: { line1: "Hauptstraße 1", city: "Berlin", postal_code: "10115", country: "DE" },
  });
  await t.stripe.customers.createTaxId(customer.id, { type: "eu_vat", value: "DE123456789" });
  const draft = await t.stripe.invoices.create({
    customer: customer.id,
    currency: "usd",
    automatic_tax: { enabled: true },
  });
  await t.stripe.invoiceItems.create({
    customer: customer.id,
    invoice: draft.id,
    amount: 2500,
    currency: "usd",
    description: "Prepaid credit",
  });
  await t.stripe.invoices.finalizeInvoice(draft.id);
  return t.stripe.invoices.pay(draft.id, { payment_method: "pm_card_visa", off_session: true });
}

async function readPdfText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe("hosted invoice page and PDFs", () => {
  it("shows the invoice with its number, billing details, tax, total, paid status and credit notes", async () => {
    const invoice = await createPaidGermanInvoice();
    await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 1190, out_of_band_amount: 1190 });
    const response = await fetch(invoice.hosted_invoice_url ?? "");
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const expected of [
      `Invoice ${invoice.number ?? ""}`,
      "Analytical Engines GmbH",
      "Hauptstraße 1",
      "EU VAT DE123456789",
      "Prepaid credit",
      "Tax (DE 19%)",
      "$4.75",
      "$29.75",
      "Paid",
      `Credit note ${invoice.number ?? ""}-CN-01`,
      "Download PDF",
      invoice.invoice_pdf ?? "",
    ]) {
      expect(html).toContain(expected);
    }
  });

  it("serves a real invoice PDF with the number, issuer, customer, VAT ID, lines, tax and total", async () => {
    const invoice = await createPaidGermanInvoice();
    const text = await readPdfText(invoice.invoice_pdf ?? "");
    for (const expected of [
      invoice.number ?? "",
      "Tandem (emulated)",
      "Analytical Engines GmbH",
      "Hauptstraße 1",
      "EU VAT DE123456789",
      "Prepaid credit",
      "Tax (DE 19%)",
      "$29.75",
      "Paid",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("serves the credit note's PDF and page", async () => {
    const invoice = await createPaidGermanInvoice();
    const note = await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 2975, refund_amount: 2975 });
    const text = await readPdfText(note.pdf);
    for (const expected of [note.number, invoice.number ?? "", "Credit note", "EU VAT DE123456789", "$29.75"]) {
      expect(text).toContain(expected);
    }
    const page = await fetch(`${t.url}/cn/${note.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Refunded to the card");
  });

  it("renders names Helvetica cannot encode and long text instead of failing", async () => {
    const customer = await t.stripe.customers.create({ name: "Łódź 東京 Ltd", email: "x@example.com" });
    const draft = await t.stripe.invoices.create({
      customer: customer.id,
      currency: "usd",
      footer: "Terms ".repeat(80),
    });
    await t.stripe.invoiceItems.create({
      customer: customer.id,
      invoice: draft.id,
      amount: 900,
      currency: "usd",
      description: "Credit ".repeat(40),
    });
    const invoice = await t.stripe.invoices.finalizeInvoice(draft.id);
    const text = await readPdfText(invoice.invoice_pdf ?? "");
    expect(text).toContain("?ód? ?? Ltd");
    expect(text).toContain(invoice.number ?? "");
  });

  it("answers 404 for a draft or unknown invoice and an unknown credit note", async () => {
    const customer = await t.stripe.customers.create({});
    const draft = await t.stripe.invoices.create({ customer: customer.id, currency: "usd" });
    expect((await fetch(`${t.url}/i/${draft.id}`)).status).toBe(404);
    expect((await fetch(`${t.url}/i/${draft.id}/pdf`)).status).toBe(404);
    expect((await fetch(`${t.url}/i/in_missing`)).status).toBe(404);
    expect((await fetch(`${t.url}/cn/cn_missing/pdf`)).status).toBe(404);
  });
});
