import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { GERMAN_BUSINESS, siteParams } from "./support/checkout-site-params";
import { getPage, postForm } from "./support/hosted-page";
import { createPaymentSession, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

describe("automatic tax", () => {
  it("shows 19 % for Germany after Continue, then charges subtotal plus tax", async () => {
    const customer = await t.stripe.customers.create({ email: "de@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    const first = await getPage(session.url ?? "");
    expect(first.html).toContain("Tax is added for your billing country");
    expect(first.html).toContain('<button type="submit" class="primary">Continue</button>');
    const fields = { ...GERMAN_BUSINESS, is_business: "", method: "card", card_number: "4242424242424242" };
    const quoted = await postForm(session.url ?? "", fields);
    expect(quoted.status).toBe(200);
    expect(quoted.html).toContain("<dt>Subtotal</dt><dd>$25.00</dd>");
    expect(quoted.html).toContain("<dt>Tax (19 % for Germany)</dt><dd>$4.75</dd>");
    expect(quoted.html).toContain("<dt>Total due</dt><dd>$29.75</dd>");
    expect(quoted.html).toContain('<button type="submit" class="primary">Pay</button>');
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    const paid = await postForm(session.url ?? "", { ...fields, quoted_country: "DE" });
    expect(paid.status).toBe(303);
    const done = await t.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent", "line_items"],
    });
    expect(done).toMatchObject({
      amount_subtotal: 2500,
      amount_total: 2975,
      total_details: { amount_tax: 475 },
      automatic_tax: { enabled: true, status: "complete" },
    });
    expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(2975);
    const invoice = await t.stripe.invoices.retrieve(readId(done.invoice) ?? "");
    expect(invoice).toMatchObject({ status: "paid", subtotal: 2500, total: 2975, amount_paid: 2975 });
    expect(done.line_items?.data[0]).toMatchObject({ amount_subtotal: 2500, amount_tax: 475, amount_total: 2975 });
  });

  it("charges no tax for a country without a rate, and prefills a known address", async () => {
    const customer = await t.stripe.customers.create({
      email: "us@example.com",
      name: "Katherine Johnson",
      address: { line1: "1 NASA Way", city: "Hampton", postal_code: "23666", country: "US" },
    });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    const page = await getPage(session.url ?? "");
    expect(page.html).toContain('value="Katherine Johnson"');
    expect(page.html).toContain('<option value="US" selected>United States</option>');
    expect(page.html).toContain("<dt>Tax (none for United States)</dt><dd>$0.00</dd>");
    expect(page.html).toContain('<button type="submit" class="primary">Pay</button>');
    const done = await t.control<{ session: Stripe.Checkout.Session }>(
      "POST",
      `/checkout/sessions/${session.id}/complete`,
      {
        card: "4242424242424242",
        name: "Katherine Johnson",
        address: { line1: "1 NASA Way", city: "Hampton", postal_code: "23666", country: "US" },
      },
    );
    expect(done.body.session).toMatchObject({
      amount_subtotal: 2500,
      amount_total: 2500,
      total_details: { amount_tax: 0 },
    });
  });

  it("charges the new country's tax when a declined buyer changes country", async () => {
    const customer = await t.stripe.customers.create({});
    const session = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    const germany = { line1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country: "DE" };
    const declined = await t.control("POST", `/checkout/sessions/${session.id}/complete`, {
      card: "4000000000000002",
      name: "N",
      address: germany,
    });
    expect(declined.status).toBe(402);
    await t.control("POST", `/checkout/sessions/${session.id}/complete`, {
      card: "4242424242424242",
      name: "N",
      address: { ...germany, country: "FR", city: "Paris" },
    });
    const done = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(done.total_details?.amount_tax).toBe(500);
    expect((done.payment_intent as Stripe.PaymentIntent).amount).toBe(3000);
  });
});

describe("invoices of delayed payments", () => {
  it("issues the invoice only when the bank debit settles, and none when it fails", async () => {
    const customer = await t.stripe.customers.create({ email: "bank@example.com" });
    const address = { line1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country: "DE" };
    const good = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    await t.control("POST", `/checkout/sessions/${good.id}/complete`, { method: "delayed", name: "B", address });
    const waiting = await t.stripe.checkout.sessions.retrieve(good.id);
    expect(waiting).toMatchObject({ payment_status: "unpaid", invoice: null, amount_total: 2975 });
    expect(waiting.customer_details?.address?.country).toBe("DE");
    await t.control("POST", `/checkout/sessions/${good.id}/settle`, { outcome: "succeeded" });
    const settled = await t.stripe.checkout.sessions.retrieve(good.id, { expand: ["invoice"] });
    expect(settled.invoice).toMatchObject({ status: "paid", total: 2975 });

    const bad = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    await t.control("POST", `/checkout/sessions/${bad.id}/complete`, { method: "delayed", name: "B", address });
    await t.control("POST", `/checkout/sessions/${bad.id}/settle`, { outcome: "failed" });
    expect((await t.stripe.checkout.sessions.retrieve(bad.id)).invoice).toBeNull();
    expect((await t.stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
  });
});
