import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

// A paid invoice of 25.00 + 19 % tax (DE), as auto-recharge makes it.
async function createPaidInvoice() {
  const customer = await t.stripe.customers.create({
    email: "owner@example.com",
    name: "Ada",
    address: { line1: "Main St 1", city: "Berlin", postal_code: "10115", country: "DE" },
  });
  const draft = await t.stripe.invoices.create({
    customer: customer.id,
    currency: "usd",
    auto_advance: false,
    automatic_tax: { enabled: true },
  });
  await t.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 2500, currency: "usd" });
  await t.stripe.invoices.finalizeInvoice(draft.id);
  const invoice = await t.stripe.invoices.pay(draft.id, { payment_method: "pm_card_visa", off_session: true });
  const [payment] = (await t.stripe.invoicePayments.list({ invoice: invoice.id })).data;
  return { customer, invoice, paymentIntent: readId(payment?.payment.payment_intent) ?? "" };
}

describe("credit notes", () => {
  it("records a refund that already happened, numbered after the invoice, with credit_note.created", async () => {
    const { invoice, paymentIntent } = await createPaidInvoice();
    expect(invoice.total).toBe(2975);
    const refund = await t.stripe.refunds.create({ payment_intent: paymentIntent, amount: 1190 });
    const note = await t.stripe.creditNotes.create({
      invoice: invoice.id,
      amount: 1190,
      refunds: [{ refund: refund.id, amount_refunded: 1190 }],
      reason: "order_change",
      memo: "Unused credit",
      metadata: { refund_id: refund.id },
    });
    expect(note.id).toMatch(/^cn_/);
    expect(note).toMatchObject({
      number: `${invoice.number}-CN-01`,
      amount: 1190,
      total: 1190,
      subtotal: 1000,
      total_excluding_tax: 1000,
      status: "issued",
      type: "post_payment",
      reason: "order_change",
      memo: "Unused credit",
      refunds: [{ refund: refund.id, amount_refunded: 1190, type: "refund" }],
      pdf: `${t.url}/cn/${note.id}/pdf`,
    });
    expect(note.total_taxes?.[0]).toMatchObject({ amount: 190, taxable_amount: 1000 });
    expect((await t.stripe.invoices.retrieve(invoice.id)).post_payment_credit_notes_amount).toBe(1190);
    expect((await t.stripe.creditNotes.retrieve(note.id)).number).toBe(note.number);
    expect((await t.stripe.creditNotes.list({ invoice: invoice.id })).data.map((n) => n.id)).toEqual([note.id]);
    const types = (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type);
    expect(types).toContain("credit_note.created");
  });

  it("refunds now with refund_amount through the refund code", async () => {
    const { invoice, paymentIntent } = await createPaidInvoice();
    const note = await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 2975, refund_amount: 2975 });
    expect(note.refunds).toHaveLength(1);
    const refund = await t.stripe.refunds.retrieve(readId(note.refunds[0]?.refund) ?? "");
    expect(refund).toMatchObject({ amount: 2975, payment_intent: paymentIntent, status: "succeeded" });
    const intent = await t.stripe.paymentIntents.retrieve(paymentIntent, { expand: ["latest_charge"] });
    expect((intent.latest_charge as Stripe.Charge).refunded).toBe(true);
  });

  it("credits by lines (net amounts, tax follows the line's rate) and settles out of band", async () => {
    const { invoice } = await createPaidInvoice();
    const line = invoice.lines.data[0]!;
    const note = await t.stripe.creditNotes.create({
      invoice: invoice.id,
      lines: [{ type: "invoice_line_item", invoice_line_item: line.id, amount: 500 }],
      out_of_band_amount: 595,
    });
    expect(note).toMatchObject({ subtotal: 500, total: 595, out_of_band_amount: 595 });
    expect(note.lines.data[0]).toMatchObject({ invoice_line_item: line.id, amount: 500 });
    expect(note.number).toBe(`${invoice.number}-CN-01`);
  });

  it("refuses more than the invoice's remaining creditable amount and changes nothing", async () => {
    const { invoice, paymentIntent } = await createPaidInvoice();
    await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 2000, out_of_band_amount: 2000 });
    const error = await expectRejection(
      t.stripe.creditNotes.create({ invoice: invoice.id, amount: 1000, refund_amount: 1000 }),
    );
    expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param: "amount" });
    expect(error.message).toContain("remaining creditable amount ($9.75)");
    expect((await t.stripe.refunds.list({ payment_intent: paymentIntent })).data).toHaveLength(0);
    expect((await t.stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(1);
    const second = await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 975, refund_amount: 975 });
    expect(second.number).toBe(`${invoice.number}-CN-02`);
  });

  it("refuses a split that does not add up, a refund of another payment, and an unpaid invoice", async () => {
    const { invoice } = await createPaidInvoice();
    const other = await createPaidInvoice();
    const split = await expectRejection(
      t.stripe.creditNotes.create({ invoice: invoice.id, amount: 1000, refund_amount: 500 }),
    );
    expect(split).toMatchObject({ statusCode: 400, param: "amount" });
    const foreign = await t.stripe.refunds.create({ payment_intent: other.paymentIntent, amount: 100 });
    const wrong = await expectRejection(
      t.stripe.creditNotes.create({
        invoice: invoice.id,
        amount: 100,
        refunds: [{ refund: foreign.id, amount_refunded: 100 }],
      }),
    );
    expect(wrong).toMatchObject({ statusCode: 400, param: "refunds[0][refund]" });
    const draft = await t.stripe.invoices.create({ customer: other.customer.id, currency: "usd" });
    const unpaid = await expectRejection(t.stripe.creditNotes.create({ invoice: draft.id, amount: 100 }));
    expect(unpaid).toMatchObject({ statusCode: 400, param: "invoice" });
  });

  it("replays an idempotent create without a second refund", async () => {
    const { invoice, paymentIntent } = await createPaidInvoice();
    const options = { idempotencyKey: "credit-once" };
    const first = await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 500, refund_amount: 500 }, options);
    const again = await t.stripe.creditNotes.create({ invoice: invoice.id, amount: 500, refund_amount: 500 }, options);
    expect(again.id).toBe(first.id);
    expect((await t.stripe.refunds.list({ payment_intent: paymentIntent })).data).toHaveLength(1);
  });
});
