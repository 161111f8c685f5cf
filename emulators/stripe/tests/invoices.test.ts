import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function eventTypes(prefix = "invoice"): Promise<string[]> {
  const events = (await t.stripe.events.list({ limit: 100 })).data.reverse();
  return events.map((event) => event.type).filter((type) => type.startsWith(prefix));
}

async function createCustomerWithCard(cardNumber: string, details: Partial<Stripe.CustomerCreateParams> = {}) {
  const customer = await t.stripe.customers.create({ email: "owner@example.com", name: "Ada", ...details });
  const method = await t.stripe.paymentMethods.create({
    type: "card",
    card: { number: cardNumber, exp_month: 12, exp_year: 2040 },
  });
  await t.stripe.paymentMethods.attach(method.id, { customer: customer.id });
  await t.stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: method.id } });
  return { customer, method };
}

// The calls auto-recharge makes (issue 20's contract): a draft, one tax-exclusive item, finalize.
async function createFinalizedInvoice(customerId: string, amount = 2500, automaticTax = false) {
  const draft = await t.stripe.invoices.create({
    customer: customerId,
    collection_method: "charge_automatically",
    auto_advance: false,
    pending_invoice_items_behavior: "exclude",
    currency: "usd",
    description: "Auto-recharge",
    metadata: { billing_account_id: "acct_1", purpose: "auto_recharge" },
    automatic_tax: { enabled: automaticTax },
  });
  await t.stripe.invoiceItems.create({
    customer: customerId,
    invoice: draft.id,
    amount,
    currency: "usd",
    description: "Prepaid credit",
    metadata: { billing_account_id: "acct_1" },
  });
  return t.stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
}

describe("invoices", () => {
  it("creates a draft, adds an item as a line, finalizes with a per-customer number and pays with 4242", async () => {
    const { customer, method } = await createCustomerWithCard("4242424242424242");
    const invoice = await createFinalizedInvoice(customer.id);
    expect(invoice).toMatchObject({
      status: "open",
      amount_due: 2500,
      subtotal: 2500,
      total: 2500,
      customer_name: "Ada",
      customer_email: "owner@example.com",
      hosted_invoice_url: `${t.url}/i/${invoice.id}`,
      invoice_pdf: `${t.url}/i/${invoice.id}/pdf`,
      metadata: { billing_account_id: "acct_1", purpose: "auto_recharge" },
    });
    expect(invoice.id).toMatch(/^in_/);
    expect(invoice.number).toBe(`${customer.invoice_prefix}-0001`);
    const [line] = invoice.lines.data;
    expect(line?.id).toMatch(/^il_/);
    expect(line).toMatchObject({ amount: 2500, description: "Prepaid credit" });
    expect((await t.stripe.invoices.listLineItems(invoice.id)).data.map((item) => item.id)).toEqual([line?.id]);

    const paid = await t.stripe.invoices.pay(invoice.id, { payment_method: method.id, off_session: true });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 2500, amount_remaining: 0, attempt_count: 1 });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    const withPayments = await t.stripe.invoices.retrieve(invoice.id, { expand: ["payments", "customer"] });
    expect(readId(withPayments.customer)).toBe(customer.id);
    expect(typeof withPayments.customer).toBe("object");
    const payments = withPayments.payments?.data ?? [];
    expect(payments).toHaveLength(1);
    expect(payments[0]?.id).toMatch(/^inpay_/);
    expect(payments[0]).toMatchObject({ status: "paid", amount_paid: 2500, payment: { type: "payment_intent" } });
    const intent = await t.stripe.paymentIntents.retrieve(readId(payments[0]?.payment.payment_intent) ?? "");
    expect(intent).toMatchObject({ status: "succeeded", amount: 2500, customer: customer.id });
    const listed = await t.stripe.invoicePayments.list({ invoice: invoice.id });
    expect(listed.data.map((payment) => payment.id)).toEqual([payments[0]?.id]);
    expect((await t.stripe.invoicePayments.retrieve(payments[0]?.id ?? "")).invoice).toBe(invoice.id);
    expect(await eventTypes()).toEqual([
      "invoice.created",
      "invoiceitem.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
    ]);

    const second = await createFinalizedInvoice(customer.id, 1000);
    expect(second.number).toBe(`${customer.invoice_prefix}-0002`);
  });

  it("pays with the customer's default payment method when none is given", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242");
    const invoice = await createFinalizedInvoice(customer.id);
    expect((await t.stripe.invoices.pay(invoice.id, { off_session: true })).status).toBe("paid");
  });

  it("answers a decline with a 402 card error, keeps the invoice open and lets a retry pay it", async () => {
    const { customer, method } = await createCustomerWithCard("4000000000000002");
    const invoice = await createFinalizedInvoice(customer.id);
    const error = await expectRejection(
      t.stripe.invoices.pay(invoice.id, { payment_method: method.id, off_session: true }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: "card_declined", decline_code: "generic_decline" });
    const open = await t.stripe.invoices.retrieve(invoice.id);
    expect(open).toMatchObject({ status: "open", attempt_count: 1, attempted: true, amount_paid: 0 });
    expect(await eventTypes()).toContain("invoice.payment_failed");
    expect(await eventTypes()).not.toContain("invoice.paid");

    const paid = await t.stripe.invoices.pay(invoice.id, { payment_method: "pm_card_visa", off_session: true });
    expect(paid).toMatchObject({ status: "paid", attempt_count: 2 });
    const payments = await t.stripe.invoicePayments.list({ invoice: invoice.id });
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]?.status).toBe("paid");
  });

  it("adds tax from the customer's country on top for automatic tax (DE, 19 %)", async () => {
    const { customer, method } = await createCustomerWithCard("4242424242424242", {
      address: { line1: "Main St 1", city: "Berlin", postal_code: "10115", country: "DE" },
    });
    await t.stripe.customers.createTaxId(customer.id, { type: "eu_vat", value: "DE123456789" });
    const invoice = await createFinalizedInvoice(customer.id, 2500, true);
    expect(invoice).toMatchObject({
      subtotal: 2500,
      subtotal_excluding_tax: 2500,
      total_excluding_tax: 2500,
      total: 2975,
      amount_due: 2975,
      automatic_tax: { enabled: true, status: "complete" },
      customer_address: { country: "DE", city: "Berlin" },
      customer_tax_ids: [{ type: "eu_vat", value: "DE123456789" }],
    });
    expect(invoice.total_taxes).toEqual([
      expect.objectContaining({
        amount: 475,
        taxable_amount: 2500,
        tax_behavior: "exclusive",
        taxability_reason: "standard_rated",
      }),
    ]);
    expect(invoice.lines.data[0]?.taxes?.[0]?.amount).toBe(475);
    const paid = await t.stripe.invoices.pay(invoice.id, { payment_method: method.id, off_session: true });
    expect(paid.amount_paid).toBe(2975);
  });

  it("refuses to finalize with automatic tax while the customer has no country, as Stripe Tax does", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242");
    const draft = await t.stripe.invoices.create({ customer: customer.id, automatic_tax: { enabled: true } });
    await t.stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 2500, currency: "usd" });
    const waiting = await t.stripe.invoices.retrieve(draft.id);
    expect(waiting.automatic_tax.status).toBe("requires_location_inputs");
    const error = await expectRejection(t.stripe.invoices.finalizeInvoice(draft.id));
    expect(error).toMatchObject({ statusCode: 400, code: "customer_tax_location_invalid" });
    expect((await t.stripe.invoices.retrieve(draft.id)).status).toBe("draft");
    await t.stripe.customers.update(customer.id, { address: { country: "FR" } });
    const open = await t.stripe.invoices.finalizeInvoice(draft.id);
    expect(open).toMatchObject({ status: "open", total: 3000, automatic_tax: { status: "complete" } });
  });

  it("charges no tax for a country without a rate", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242", { address: { country: "US" } });
    const invoice = await createFinalizedInvoice(customer.id, 2500, true);
    expect(invoice).toMatchObject({ total: 2500, amount_due: 2500 });
    expect(invoice.total_taxes?.[0]).toMatchObject({ amount: 0, taxability_reason: "not_collecting" });
  });

  it("updates a draft, lists by customer and status, and refuses editing a finalized invoice", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242");
    const draft = await t.stripe.invoices.create({ customer: customer.id, currency: "usd" });
    const updated = await t.stripe.invoices.update(draft.id, { description: "Changed", metadata: { a: "1" } });
    expect(updated).toMatchObject({ description: "Changed", metadata: { a: "1" } });
    expect(await eventTypes()).toContain("invoice.updated");
    const open = await createFinalizedInvoice(customer.id);
    expect((await t.stripe.invoices.list({ customer: customer.id })).data.map((i) => i.id)).toEqual([
      open.id,
      draft.id,
    ]);
    expect((await t.stripe.invoices.list({ customer: customer.id, status: "draft" })).data.map((i) => i.id)).toEqual([
      draft.id,
    ]);
    const page = await t.stripe.invoices.list({ customer: customer.id, limit: 1 });
    expect(page).toMatchObject({ has_more: true });
    const error = await expectRejection(t.stripe.invoices.update(open.id, { description: "Late" }));
    expect(error).toMatchObject({ statusCode: 400 });
    expect((await t.stripe.invoices.update(open.id, { metadata: { b: "2" } })).metadata).toMatchObject({ b: "2" });
    const refinalize = await expectRejection(t.stripe.invoices.finalizeInvoice(open.id));
    expect(refinalize.statusCode).toBe(400);
  });

  it("refuses items for a missing or finalized invoice and unknown parameters, with 4xx errors", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242");
    const open = await createFinalizedInvoice(customer.id);
    const onOpen = await expectRejection(
      t.stripe.invoiceItems.create({ customer: customer.id, invoice: open.id, amount: 100, currency: "usd" }),
    );
    expect(onOpen).toMatchObject({ statusCode: 400, param: "invoice" });
    const missing = await expectRejection(
      t.stripe.invoiceItems.create({ customer: customer.id, invoice: "in_missing", amount: 100, currency: "usd" }),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: "resource_missing" });
    expect((await expectRejection(t.stripe.invoices.retrieve("in_missing"))).statusCode).toBe(404);
    const unknown = await expectRejection(
      t.stripe.invoices.create({ customer: customer.id, bogus: "1" } as Stripe.InvoiceCreateParams),
    );
    expect(unknown).toMatchObject({ statusCode: 400, code: "parameter_unknown" });
    expect(
      (await expectRejection(t.stripe.invoices.pay(open.id, { paid_out_of_band: true, payment_method: "pm_x" })))
        .statusCode,
    ).toBe(400);
  });

  it("replays an idempotent pay, including a decline, without a second attempt", async () => {
    const { customer, method } = await createCustomerWithCard("4000000000000002");
    const invoice = await createFinalizedInvoice(customer.id);
    const options = { idempotencyKey: "pay-once" };
    const first = await expectRejection(
      t.stripe.invoices.pay(invoice.id, { payment_method: method.id, off_session: true }, options),
    );
    const again = await expectRejection(
      t.stripe.invoices.pay(invoice.id, { payment_method: method.id, off_session: true }, options),
    );
    expect(again.code).toBe(first.code);
    expect((await t.stripe.invoices.retrieve(invoice.id)).attempt_count).toBe(1);
    const key = { idempotencyKey: "create-once" };
    const a = await t.stripe.invoices.create({ customer: customer.id, currency: "usd" }, key);
    const b = await t.stripe.invoices.create({ customer: customer.id, currency: "usd" }, key);
    expect(b.id).toBe(a.id);
    expect((await t.stripe.invoices.list({ customer: customer.id })).data).toHaveLength(2);
  });

  it("marks an invoice paid out of band without a payment", async () => {
    const { customer } = await createCustomerWithCard("4242424242424242");
    const invoice = await createFinalizedInvoice(customer.id);
    const paid = await t.stripe.invoices.pay(invoice.id, { paid_out_of_band: true });
    expect(paid).toMatchObject({ status: "paid", amount_remaining: 0 });
    expect((await t.stripe.invoicePayments.list({ invoice: invoice.id })).data).toHaveLength(0);
  });
});
