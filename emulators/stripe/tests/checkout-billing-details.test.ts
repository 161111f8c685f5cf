import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { readId } from "../core/read-id";
import { GERMAN_BUSINESS, siteParams } from "./support/checkout-site-params";
import { getPage, postForm } from "./support/hosted-page";
import { createPaymentSession, expectRejection, setUpTestEmulator } from "./support/test-emulator";

const t = setUpTestEmulator();

async function eventTypes(): Promise<string[]> {
  return (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
}

describe("session params for billing details, tax and invoices", () => {
  it("accepts what the site sends and shows it on the session", async () => {
    const customer = await t.stripe.customers.create({ email: "buyer@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id, true));
    expect(session).toMatchObject({
      billing_address_collection: "required",
      tax_id_collection: { enabled: true },
      automatic_tax: { enabled: true, status: "requires_location_inputs" },
      invoice_creation: {
        enabled: true,
        invoice_data: { description: "Prepaid credit", metadata: { billing_account_id: "acct_1", purpose: "top_up" } },
      },
      invoice: null,
    });
    const items = await t.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data[0]?.price?.tax_behavior).toBe("exclusive");
    const plain = await createPaymentSession(t.stripe);
    expect(plain).toMatchObject({
      billing_address_collection: null,
      automatic_tax: { enabled: false },
      invoice_creation: { enabled: false },
      tax_id_collection: { enabled: false },
    });
  });

  it("refuses them as Stripe does", async () => {
    const customer = await t.stripe.customers.create({});
    const withoutCustomer = await expectRejection(
      createPaymentSession(t.stripe, { customer_update: { name: "auto" } }),
    );
    expect(withoutCustomer).toMatchObject({ statusCode: 400, param: "customer_update" });
    const inSetup = await expectRejection(
      t.stripe.checkout.sessions.create({
        mode: "setup",
        customer: customer.id,
        success_url: "http://localhost:3000/ok",
        invoice_creation: { enabled: true },
      }),
    );
    expect(inSetup).toMatchObject({ statusCode: 400, param: "invoice_creation" });
    const taxWithoutAddress = await expectRejection(
      createPaymentSession(t.stripe, { customer: customer.id, automatic_tax: { enabled: true } }),
    );
    expect(taxWithoutAddress).toMatchObject({ statusCode: 400, param: "automatic_tax[enabled]" });
    expect(taxWithoutAddress.message).toContain("customer_update[address]");
    const taxIdWithoutName = await expectRejection(
      createPaymentSession(t.stripe, { customer: customer.id, tax_id_collection: { enabled: true } }),
    );
    expect(taxIdWithoutName).toMatchObject({ statusCode: 400, param: "customer_update[name]" });
    const badCollection = await expectRejection(
      createPaymentSession(t.stripe, {
        billing_address_collection: "sometimes" as Stripe.Checkout.SessionCreateParams.BillingAddressCollection,
      }),
    );
    expect(badCollection).toMatchObject({ statusCode: 400, param: "billing_address_collection" });
    const unknown = await expectRejection(
      createPaymentSession(t.stripe, {
        invoice_creation: { enabled: true, invoice_data: { issuer: { type: "self" } } },
      }),
    );
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "invoice_creation[invoice_data][issuer]" });
    expect((await t.stripe.checkout.sessions.list()).data).toHaveLength(0);
  });

  it("lets a customer with an address use automatic tax without saving a new one", async () => {
    const customer = await t.stripe.customers.create({
      address: { line1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country: "DE" },
    });
    const session = await createPaymentSession(t.stripe, { customer: customer.id, automatic_tax: { enabled: true } });
    expect(session.automatic_tax.enabled).toBe(true);
  });
});

describe("completing with billing details", () => {
  it("takes address, business name and VAT ID from the hosted form and saves them to the customer", async () => {
    const customer = await t.stripe.customers.create({ email: "buyer@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id));
    const page = await getPage(session.url ?? "");
    for (const label of ["Name", "Country", "Address line 1", "Address line 2 (optional)", "City", "Postal code"]) {
      expect(page.html).toMatch(new RegExp(`<label for="[a-z_0-9]+">${label.replace(/[()]/g, "\\$&")}</label>`));
    }
    expect(page.html).toContain('<select id="country" name="country" autocomplete="country">');
    expect(page.html).toContain("I'm purchasing as a business");
    expect(page.html).toContain('<label for="business_name">Business name</label>');
    expect(page.html).toContain('<label for="tax_id">Tax ID</label>');
    expect(page.html).not.toContain("Name on card");
    expect(page.html).not.toContain("<script");

    const answer = await postForm(session.url ?? "", {
      ...GERMAN_BUSINESS,
      method: "card",
      card_number: "4242424242424242",
    });
    expect(answer.status).toBe(303);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", customer: customer.id });
    expect(paid.customer_details).toEqual({
      email: "buyer@example.com",
      name: "Grace Hopper",
      address: { line1: "Hauptstr. 1", line2: null, city: "Berlin", postal_code: "10115", state: null, country: "DE" },
      business_name: "Hopper GmbH",
      individual_name: null,
      phone: null,
      tax_exempt: "none",
      tax_ids: [{ type: "eu_vat", value: "DE123456789" }],
    });
    const withInvoice = await t.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge", "invoice"],
    });
    const invoice = withInvoice.invoice as Stripe.Invoice;
    expect(invoice.id).toMatch(/^in_/);
    expect(invoice).toMatchObject({
      status: "paid",
      customer: customer.id,
      description: "Prepaid credit",
      metadata: { billing_account_id: "acct_1", purpose: "top_up" },
      customer_tax_ids: [{ type: "eu_vat", value: "DE123456789" }],
      customer_address: { country: "DE", city: "Berlin" },
      subtotal: 2500,
      total: 2500,
      amount_paid: 2500,
    });
    const saved = (await t.stripe.customers.retrieve(customer.id, { expand: ["tax_ids"] })) as Stripe.Customer;
    expect(saved).toMatchObject({ name: "Grace Hopper", address: { city: "Berlin", country: "DE" } });
    expect(saved.tax_ids?.data).toMatchObject([{ type: "eu_vat", value: "DE123456789", country: "DE" }]);
    expect(await eventTypes()).toEqual(
      expect.arrayContaining(["customer.updated", "customer.tax_id.created", "checkout.session.completed"]),
    );
  });

  it("takes the same details through the complete control", async () => {
    const customer = await t.stripe.customers.create({ email: "uk@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id));
    const done = await t.control<{ session: Stripe.Checkout.Session }>(
      "POST",
      `/checkout/sessions/${session.id}/complete`,
      {
        card: "4242424242424242",
        name: "Alan Turing",
        address: { line1: "1 Bletchley Park", city: "Milton Keynes", postal_code: "MK3 6EB", country: "GB" },
        tax_id: { type: "gb_vat", value: "GB123456789" },
        business_name: "Turing Ltd",
      },
    );
    expect(done.status).toBe(200);
    expect(done.body.session.customer_details).toMatchObject({
      name: "Alan Turing",
      business_name: "Turing Ltd",
      address: { country: "GB", postal_code: "MK3 6EB" },
      tax_ids: [{ type: "gb_vat", value: "GB123456789" }],
    });
    const taxIds = await t.stripe.customers.listTaxIds(customer.id);
    expect(taxIds.data).toMatchObject([{ type: "gb_vat", value: "GB123456789" }]);
    const invoice = await t.stripe.invoices.retrieve(readId(done.body.session.invoice) ?? "");
    expect(invoice).toMatchObject({
      status: "paid",
      customer_name: "Turing Ltd",
      customer_tax_ids: [{ type: "gb_vat", value: "GB123456789" }],
    });
    expect((await t.stripe.checkout.sessions.retrieve(session.id)).invoice).toBe(invoice.id);
    const incomplete = await createPaymentSession(t.stripe, siteParams(customer.id));
    const refused = await t.control<{ error: { param: string } }>(
      "POST",
      `/checkout/sessions/${incomplete.id}/complete`,
      { card: "4242424242424242", name: "Alan Turing" },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe("address[country]");
    expect((await t.stripe.checkout.sessions.retrieve(incomplete.id)).status).toBe("open");
  });

  it("re-shows the form with the error when the VAT ID is invalid, charging nothing", async () => {
    const customer = await t.stripe.customers.create({ email: "typo@example.com" });
    const session = await createPaymentSession(t.stripe, siteParams(customer.id));
    const answer = await postForm(session.url ?? "", {
      ...GERMAN_BUSINESS,
      tax_id: "DE1",
      method: "card",
      card_number: "4242424242424242",
    });
    expect(answer.status).toBe(200);
    expect(answer.html).toMatch(/role="alert">Your tax ID is not valid\. Expected a EU VAT number like DE123456789\./);
    expect(answer.html).toContain('value="Hauptstr. 1"');
    expect(answer.html).toContain('<option value="DE" selected>Germany</option>');
    const open = await t.stripe.checkout.sessions.retrieve(session.id);
    expect(open).toMatchObject({ status: "open", payment_intent: null });
    expect((await t.stripe.customers.listTaxIds(customer.id)).data).toHaveLength(0);
    const unsupported = await postForm(session.url ?? "", {
      ...GERMAN_BUSINESS,
      country: "JP",
      tax_id: "123",
      method: "card",
      card_number: "4242424242424242",
    });
    expect(unsupported.html).toContain('role="alert">Tax IDs from Japan cannot be added here.');
  });
});
