// Every Checkout top-up gets an invoice (issue 20): the session asks Stripe for one, with the buyer's
// address and tax ID; fulfilment credits the net amount once and records our invoice row in the same
// transaction; replaying every event changes nothing. STRIPE_AUTOMATIC_TAX is off in this file (the
// tax-on case is invoices-checkout-tax.test.ts: the environment is read once per file).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { PricingContent } from "@/components/marketing/pricing-content";
import { getDb } from "@/lib/db/client";
import { getCheckoutReturn } from "@/lib/payments/get-checkout-return";
import { getPricing } from "@/lib/pricing/get-pricing";
import { ACME_DE, eventsMentioning, invoiceRowsOf, payWithDetails, replayAsNew } from "../support/checkout-invoices";
import { EVENTUALLY } from "../support/eventually";
import {
  WELCOME_MICROS,
  balanceOf,
  createPayingUser,
  customerOf,
  startTopUp,
  transfersOf,
  waitForProcessedEvent,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";

const harness = runStripeHarnessInThisFile({ automaticTax: false });

async function topUpRow(sessionId: string) {
  const rows = await getDb().execute<{ amount_micros: string; status: string }>(
    sql`select amount_micros::text, status from top_ups where checkout_session_id = ${sessionId}`,
  );
  return rows.rows[0];
}

async function invoiceOf(sessionId: string): Promise<Stripe.Invoice> {
  const session = await harness.stripe.checkout.sessions.retrieve(sessionId, { expand: ["invoice"] });
  expect(session.invoice).toBeTruthy();
  return session.invoice as Stripe.Invoice;
}

describe("Checkout top-ups and their invoices", () => {
  it("asks Stripe for an invoice, the billing address and a tax ID, with the credit tax-exclusive", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    const session = await harness.stripe.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
    expect(session).toMatchObject({
      billing_address_collection: "required",
      tax_id_collection: { enabled: true },
      automatic_tax: { enabled: false },
      invoice_creation: {
        enabled: true,
        invoice_data: { description: "Tandem prepaid credit", metadata: { billing_account_id: user.accountId, purpose: "top_up" } },
      },
    });
    expect(session.line_items?.data[0]?.description).toBe("Prepaid credit");
  });

  it("a top-up with a VAT ID: one credit, one paid invoice with those details, whichever of the page and the webhook comes first", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 2500);
    await payWithDetails(harness, sessionId, ACME_DE);
    // The return page races the webhook the emulator is delivering.
    const pages = await Promise.all([1, 2, 3].map(() => getCheckoutReturn(getDb(), { userId: user.userId, sessionId })));
    expect(pages.every((page) => page.status === "paid" && page.amountMicros === 25_000_000n)).toBe(true);
    await waitForProcessedEvent("checkout.session.completed", sessionId);

    expect(await transfersOf(user.accountId)).toEqual([{ kind: "top_up", key: `checkout:${sessionId}`, micros: 25_000_000n }]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 25_000_000n);
    expect(await topUpRow(sessionId)).toEqual({ amount_micros: "25000000", status: "paid" });

    const invoice = await invoiceOf(sessionId);
    expect(invoice).toMatchObject({
      status: "paid",
      customer_name: "Acme GmbH",
      customer_address: { line1: "Unter den Linden 1", city: "Berlin", postal_code: "10117", country: "DE" },
      description: "Tandem prepaid credit",
      metadata: { billing_account_id: user.accountId, purpose: "top_up" },
      total: 2500,
      amount_paid: 2500,
    });
    expect(invoice.customer_tax_ids?.map((taxId) => [taxId.type, taxId.value])).toEqual([["eu_vat", "DE123456789"]]);
    expect(invoice.number).toBeTruthy();

    const intent = (await harness.stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] })).payment_intent as Stripe.PaymentIntent;
    const rows = await invoiceRowsOf(user.accountId);
    expect(rows).toEqual([
      expect.objectContaining({
        id: invoice.id,
        source: "checkout",
        checkout_session_id: sessionId,
        number: invoice.number,
        status: "paid",
        currency: "usd",
        subtotal_cents: "2500",
        tax_cents: "0",
        total_cents: "2500",
        amount_paid_cents: "2500",
        payment_intent_id: intent.id,
        charge_id: typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id,
        hosted_invoice_url: invoice.hosted_invoice_url,
        invoice_pdf_url: invoice.invoice_pdf,
      }),
    ]);

    // The details are saved on the customer for the next payment and the billing page.
    const customer = await harness.stripe.customers.retrieve(await customerOf(user.accountId), { expand: ["tax_ids"] });
    expect(customer).toMatchObject({ name: "Acme GmbH", address: { country: "DE", city: "Berlin" } });
  });

  it("with automatic tax off, nothing about tax appears", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 4000);
    await payWithDetails(harness, sessionId, ACME_DE);
    await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    const session = await harness.stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({ amount_subtotal: 4000, amount_total: 4000, total_details: { amount_tax: 0 } });
    const invoice = await invoiceOf(sessionId);
    expect((invoice.total_taxes ?? []).reduce((sum, tax) => sum + tax.amount, 0)).toBe(0);
    expect(invoice.lines.data.every((line) => (line.taxes ?? []).every((tax) => tax.amount === 0))).toBe(true);
    expect(invoice.total).toBe(4000);
    expect(await invoiceRowsOf(user.accountId)).toEqual([expect.objectContaining({ subtotal_cents: "4000", tax_cents: "0", total_cents: "4000" })]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 40_000_000n);
  });

  it("replaying every event of the flow, through the handler and by the emulator's resend, changes no balance and no invoice row", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 1500);
    await payWithDetails(harness, sessionId, ACME_DE);
    await waitForProcessedEvent("checkout.session.completed", sessionId);
    await getCheckoutReturn(getDb(), { userId: user.userId, sessionId });
    const invoice = await invoiceOf(sessionId);
    const balance = await balanceOf(user.accountId);
    const transfers = await transfersOf(user.accountId);
    const rows = await invoiceRowsOf(user.accountId);
    expect(rows).toHaveLength(1);

    const events = await eventsMentioning(harness, [sessionId, invoice.id, await customerOf(user.accountId)]);
    expect(events.map((event) => event.type)).toContain("checkout.session.completed");
    await replayAsNew(events);
    expect(await balanceOf(user.accountId)).toBe(balance);
    expect(await transfersOf(user.accountId)).toEqual(transfers);
    expect(await invoiceRowsOf(user.accountId)).toEqual(rows);

    const before = harness.deliveries.length;
    for (const event of events) await harness.control("POST", `/events/${event.id}/resend`);
    await vi.waitFor(() => expect(harness.deliveries.length).toBeGreaterThanOrEqual(before + events.length), EVENTUALLY);
    expect(harness.deliveries.slice(before).every((delivery) => delivery.status < 300)).toBe(true);
    expect(await balanceOf(user.accountId)).toBe(balance);
    expect(await transfersOf(user.accountId)).toEqual(transfers);
    expect(await invoiceRowsOf(user.accountId)).toEqual(rows);
  });
});

describe("the pricing page", () => {
  it("says prices exclude tax and that tax, where it applies, is added at checkout and shown on the invoice", async () => {
    const { current, upcoming } = await getPricing();
    const html = renderToStaticMarkup(createElement(PricingContent, { current, upcoming, calculatorScript: "/islands/test.js" }));
    expect(html).toContain("Prices exclude tax. Where tax applies, it is added on top of the credit you buy at checkout and shown on your invoice.");
  });
});
