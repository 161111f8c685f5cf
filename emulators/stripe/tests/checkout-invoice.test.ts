import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { issueCheckoutInvoice } from "../invoices/issue-checkout-invoice";
import { startInProcessEmulator } from "./support/in-process-emulator";
import { createPaymentSession } from "./support/test-emulator";

let t: Awaited<ReturnType<typeof startInProcessEmulator>>;
beforeAll(async () => {
  t = await startInProcessEmulator();
});
afterAll(async () => {
  await t.close();
});

// A paid payment-mode session as Checkout leaves it, with the tax and buyer details Checkout collects.
async function completedTaxedSession() {
  const customer = await t.stripe.customers.create({ email: "buyer@example.com" });
  const created = await createPaymentSession(t.stripe, { customer: customer.id });
  await fetch(`${t.url}/_emulator/checkout/sessions/${created.id}/complete`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ card: "4242424242424242" }),
  });
  const session = t.emulator.state.checkoutSessions[created.id]!;
  const [item] = t.emulator.state.checkoutExtras[created.id]!.lineItems;
  // The tax fields are Checkout's (another part of the emulator); set here as it would.
  session.automatic_tax = { enabled: true, liability: { type: "self" }, provider: "stripe", status: "complete" };
  session.total_details = { amount_discount: 0, amount_shipping: 0, amount_tax: 475 };
  item!.amount_tax = 475;
  item!.description = "Prepaid credit";
  session.customer_details = {
    email: "buyer@example.com",
    name: "Ada Lovelace",
    business_name: "Analytical GmbH",
    phone: null,
    individual_name: null,
    address: { line1: "Main St 1", line2: null, city: "Berlin", postal_code: "10115", state: null, country: "DE" },
    tax_exempt: "none",
    tax_ids: [{ type: "eu_vat", value: "DE123456789" }],
  };
  const intent = t.emulator.state.paymentIntents[readId(session.payment_intent) ?? ""]!;
  intent.amount = 2975;
  intent.amount_received = 2975;
  return { customer, session, intent };
}

describe("issueCheckoutInvoice", () => {
  it("builds the paid invoice of a completed session with its lines, tax, buyer and payment", async () => {
    const { customer, session, intent } = await completedTaxedSession();
    const issued = issueCheckoutInvoice(t.emulator, {
      session,
      paymentIntent: intent,
      invoiceData: { description: "Tandem credit", metadata: { purpose: "top_up" }, footer: "Thanks" },
    });
    const invoice = await t.stripe.invoices.retrieve(issued.id, { expand: ["payments"] });
    expect(invoice).toMatchObject({
      status: "paid",
      customer: customer.id,
      number: `${customer.invoice_prefix}-0001`,
      description: "Tandem credit",
      footer: "Thanks",
      metadata: { purpose: "top_up" },
      subtotal: 2500,
      total_excluding_tax: 2500,
      total: 2975,
      amount_paid: 2975,
      amount_remaining: 0,
      customer_name: "Analytical GmbH",
      customer_address: { country: "DE" },
      customer_tax_ids: [{ type: "eu_vat", value: "DE123456789" }],
      hosted_invoice_url: `${t.url}/i/${issued.id}`,
    });
    expect(invoice.total_taxes).toEqual([
      expect.objectContaining({ amount: 475, taxability_reason: "standard_rated" }),
    ]);
    expect(invoice.lines.data).toEqual([expect.objectContaining({ amount: 2500, description: "Prepaid credit" })]);
    expect(invoice.payments?.data).toEqual([
      expect.objectContaining({ status: "paid", payment: { type: "payment_intent", payment_intent: intent.id } }),
    ]);
    const types = (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
    expect(types.filter((type) => type.startsWith("invoice."))).toEqual([
      "invoice.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
    ]);
  });
});
