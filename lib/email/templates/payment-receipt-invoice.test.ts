import { describe, expect, it } from "vitest";
import { renderEmail } from "../render-email";

// The receipt that carries its payment's invoice (one money event, one email): the invoice number, its
// two links, and the tax line only when the invoice has tax.

const APP_URL = "https://tandem.example.test";
Object.assign(process.env, { APP_URL, AUTH_URL: APP_URL, COMPANY_NAME: "Example Hosting Ltd", CONTACT_EMAIL: "help@example.test" });

const receipt = { amountMicros: "50000000", balanceMicros: "55000000", receiptUrl: null, isAutoRecharge: false };
const invoice = {
  number: "TANDEM-0042",
  hostedInvoiceUrl: "https://invoice.stripe.test/i/in_42",
  invoicePdfUrl: "https://invoice.stripe.test/i/in_42/pdf",
  subtotalMicros: "50000000",
  taxMicros: "9500000",
  totalMicros: "59500000",
};

describe("a receipt with its invoice", () => {
  it("names the invoice, shows the tax and the total paid, and links the invoice and its PDF", async () => {
    const email = await renderEmail("payment-receipt", { ...receipt, invoice });
    expect(email.subject).toBe("Receipt: $50.00 added to your Tandem balance");
    expect(email.text).toContain("Invoice TANDEM-0042");
    expect(email.text).toContain("Tax: $9.50");
    expect(email.text).toContain("Total paid: $59.50");
    expect(email.html).toContain(`href="${invoice.hostedInvoiceUrl}"`);
    expect(email.html).toContain(`href="${invoice.invoicePdfUrl}"`);
    expect(email.html).toContain(">View invoice<");
    expect(email.html).toContain(">Download PDF<");
  });

  it("shows no tax line for an invoice without tax, and nothing about an invoice when there is none", async () => {
    const untaxed = await renderEmail("payment-receipt", { ...receipt, invoice: { ...invoice, taxMicros: "0", totalMicros: "50000000" } });
    expect(untaxed.text).toContain("Invoice TANDEM-0042");
    expect(untaxed.text).toContain("Total paid: $50.00");
    expect(untaxed.text).not.toContain("Tax:");
    const plain = await renderEmail("payment-receipt", receipt);
    expect(plain.text).not.toContain("Invoice");
    expect(plain.text).not.toContain("Total paid");
  });
});
